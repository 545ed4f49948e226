package org.jingzhun.core.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ApportionmentProperties {

    /** Weights, caps and a total no larger than the caps' sum. */
    record Case(long total, long[] weights, long[] caps) {
        @Override
        public String toString() {
            return "total=" + total + " weights=" + Arrays.toString(weights) + " caps=" + Arrays.toString(caps);
        }
    }

    @Provide
    Arbitrary<Case> capped() {
        Arbitrary<List<long[]>> parts = Combinators.combine(
                Arbitraries.longs().between(0, 5_000), Arbitraries.longs().between(0, 5_000))
                .as((w, c) -> new long[] {w, c}).list().ofMinSize(1).ofMaxSize(25);
        return parts.flatMap(ps -> {
            long[] w = ps.stream().mapToLong(p -> p[0]).toArray();
            long[] c = ps.stream().mapToLong(p -> p[1]).toArray();
            long capSum = Arrays.stream(c).sum();
            return Arbitraries.longs().between(0, capSum).map(t -> new Case(t, w, c));
        });
    }

    /** The planner's use: weights are the poor remaining and so are the caps. */
    @Provide
    Arbitrary<Case> weightsAreCaps() {
        return Arbitraries.longs().between(0, 3_000).list().ofMinSize(1).ofMaxSize(25).flatMap(ws -> {
            long[] w = ws.stream().mapToLong(Long::longValue).toArray();
            return Arbitraries.longs().between(0, Arrays.stream(w).sum()).map(t -> new Case(t, w, w.clone()));
        });
    }

    @Property
    void sharesSumExactlyToTheTotal(@ForAll("capped") Case c) {
        assertThat(Arrays.stream(Apportionment.apportion(c.total, c.weights, c.caps)).sum()).isEqualTo(c.total);
    }

    @Property
    void sharesStayWithinZeroAndTheirCaps(@ForAll("capped") Case c) {
        long[] s = Apportionment.apportion(c.total, c.weights, c.caps);
        for (int i = 0; i < s.length; i++) {
            assertThat(s[i]).isBetween(0L, c.caps[i]);
        }
    }

    @Property
    void withoutBindingCapsEveryShareIsItsQuotaRoundedDownOrUp(@ForAll("weightsAreCaps") Case c) {
        long sum = Arrays.stream(c.weights).sum();
        if (sum == 0) {
            assertThat(Apportionment.apportion(c.total, c.weights, c.caps)).containsOnly(0L);
            return;
        }
        long[] s = Apportionment.apportion(c.total, c.weights, c.caps);
        for (int i = 0; i < s.length; i++) {
            long floor = c.total * c.weights[i] / sum;
            long ceil = floor + ((c.total * c.weights[i]) % sum == 0 ? 0 : 1);
            assertThat(s[i]).isBetween(floor, ceil);
        }
    }

    @Property
    void aPartWithMoreWeightNeverGetsLess(@ForAll("weightsAreCaps") Case c, @ForAll @IntRange(min = 0, max = 24) int which,
            @ForAll @IntRange(min = 1, max = 2_000) int more) {
        int i = which % c.weights.length;
        long[] before = Apportionment.apportion(c.total, c.weights, c.caps);
        long[] w = c.weights.clone();
        w[i] += more;
        long[] after = Apportionment.apportion(c.total, w, w.clone());
        assertThat(after[i]).isGreaterThanOrEqualTo(before[i]);
    }

    @Property
    void aPartWithMoreWeightNeverGetsLessUnderFixedCaps(@ForAll("capped") Case c,
            @ForAll @IntRange(min = 0, max = 24) int which, @ForAll @IntRange(min = 1, max = 2_000) int more) {
        int i = which % c.weights.length;
        long[] before = Apportionment.apportion(c.total, c.weights, c.caps);
        long[] w = c.weights.clone();
        w[i] += more;
        long[] after = Apportionment.apportion(c.total, w, c.caps);
        assertThat(after[i]).isGreaterThanOrEqualTo(before[i]);
    }

    @Property
    void aBiggerTotalNeverGivesAPartLessWhenCapsEqualWeights(@ForAll("weightsAreCaps") Case c) {
        long sum = Arrays.stream(c.weights).sum();
        if (c.total == sum) {
            return;
        }
        long[] before = Apportionment.apportion(c.total, c.weights, c.caps);
        long[] after = Apportionment.apportion(c.total + 1, c.weights, c.caps);
        long gained = 0;
        for (int i = 0; i < before.length; i++) {
            gained += after[i] - before[i];
        }
        // Largest remainder may move a unit between parts (Alabama paradox), but the sum grows by exactly one.
        assertThat(gained).isEqualTo(1);
    }

    @Property
    void sameInputSameOutput(@ForAll("capped") Case c) {
        assertThat(Apportionment.apportion(c.total, c.weights.clone(), c.caps.clone()))
                .containsExactly(Apportionment.apportion(c.total, c.weights, c.caps));
    }

    @Example
    void largestRemaindersTakeTheLeftoverUnits() {
        // quotas 4.2857, 2.8571, 2.8571: floors 4+2+2, two left go to the two .8571 remainders.
        assertThat(Apportionment.apportion(10, new long[] {30, 20, 20}, new long[] {30, 20, 20}))
                .containsExactly(4, 3, 3);
    }

    @Example
    void tiesGoToTheLargerWeightThenTheEarlierPart() {
        assertThat(Apportionment.apportion(1, new long[] {1, 1, 1}, new long[] {5, 5, 5})).containsExactly(1, 0, 0);
        assertThat(Apportionment.apportion(2, new long[] {1, 1, 1}, new long[] {5, 5, 5})).containsExactly(1, 1, 0);
        // 3 × 2/4 = 1.5 and 3 × 1/4 = 0.75 twice: floors 1,0,0; remainders .5 .75 .75: the two .75 win.
        assertThat(Apportionment.apportion(3, new long[] {2, 1, 1}, new long[] {9, 9, 9})).containsExactly(1, 1, 1);
    }

    @Example
    void whatACappedPartCannotTakeGoesToTheOthers() {
        // Village A holds most of the weight but only 2 poor remain there (cap); the rest goes to B and C by weight.
        assertThat(Apportionment.apportion(10, new long[] {100, 10, 30}, new long[] {2, 50, 50}))
                .containsExactly(2, 2, 6);
    }

    @Example
    void zeroWeightPartsGetNothingWhileOthersHaveRoom() {
        assertThat(Apportionment.apportion(5, new long[] {0, 10, 0}, new long[] {9, 9, 9})).containsExactly(0, 5, 0);
    }

    @Example
    void aTotalAboveTheCapsIsRefused() {
        assertThatThrownBy(() -> Apportionment.apportion(11, new long[] {1, 1}, new long[] {5, 5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
    }

    @Example
    void nothingToApportionGivesZeros() {
        assertThat(Apportionment.apportion(0, new long[] {0, 0}, new long[] {0, 0})).containsExactly(0, 0);
        assertThat(Apportionment.apportion(0, new long[] {}, new long[] {})).isEmpty();
    }
}

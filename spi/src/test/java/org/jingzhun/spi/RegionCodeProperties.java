package org.jingzhun.spi;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;

/** Level, prefix, containment and ancestry of region codes agree with their definition by segments. */
class RegionCodeProperties {
    private static final int[] ENDS = {2, 4, 6, 9, 12};

    @Provide
    Arbitrary<RegionCode> codes() {
        // Segments down to a random depth are set (never all zero); every segment below it is zero.
        Arbitrary<Integer> depth = Arbitraries.integers().between(0, 4);
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofLength(12);
        return Combinators.combine(depth, digits).as((d, raw) -> {
            char[] c = raw.toCharArray();
            for (int seg = 0, start = 0; seg <= d; start = ENDS[seg], seg++) {
                boolean zero = true;
                for (int i = start; i < ENDS[seg]; i++) {
                    zero &= c[i] == '0';
                }
                if (zero) {
                    c[ENDS[seg] - 1] = '1';
                }
            }
            for (int i = ENDS[d]; i < 12; i++) {
                c[i] = '0';
            }
            return new RegionCode(new String(c));
        });
    }

    /** The level by definition: the deepest level whose own segment has a non-zero digit. */
    private static RegionLevel levelBySegments(String v) {
        RegionLevel result = RegionLevel.PROVINCE;
        int start = 0;
        for (RegionLevel l : RegionLevel.values()) {
            if (!v.substring(start, l.significantDigits()).chars().allMatch(ch -> ch == '0')) {
                result = l;
            }
            start = l.significantDigits();
        }
        return result;
    }

    @Property
    void levelAndPrefixFollowTheSegments(@ForAll("codes") RegionCode code) {
        RegionLevel level = levelBySegments(code.value());
        assertThat(code.level()).isEqualTo(level);
        assertThat(code.prefix()).isEqualTo(code.value().substring(0, level.significantDigits()));
    }

    @Property
    void containmentIsPrefixMatchAndHoldsForEveryAncestor(@ForAll("codes") RegionCode a, @ForAll("codes") RegionCode b) {
        assertThat(a.contains(b)).isEqualTo(b.value().startsWith(a.prefix()));
        assertThat(a.contains(a)).isTrue();
        for (RegionCode up = a.parent(); up != null; up = up.parent()) {
            assertThat(up.contains(a)).isTrue();
            assertThat(a.contains(up)).isFalse();
        }
    }
}

package org.jingzhun.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jingzhun.core.identification.IdentificationAction;
import org.jingzhun.core.identification.IdentificationCase;
import org.jingzhun.core.identification.VillageVote;
import org.jingzhun.core.policy.PolicyEngine;
import org.jingzhun.core.policy.TestPack;
import org.jingzhun.spi.error.ConfigurationException;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.core.policy.BenefitLine;
import org.jingzhun.spi.policy.EffectivePeriod;
import org.jingzhun.spi.policy.HouseholdFacts;
import org.jingzhun.spi.policy.RegionScope;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.storage.memory.MemoryStoragePlugin;

/** Engine resolution and workflow invariants as properties. */
class PolicyEngineProperties {
    private static final LocalDate DAY = LocalDate.of(2016, 6, 1);

    private static TestPack pack(String name, String prefix, String perMember) {
        return new TestPack(name, new RegionScope(prefix), EffectivePeriod.from(LocalDate.of(2014, 1, 1)),
                new BigDecimal(perMember));
    }

    /** A pack scoped to one village never decides for a sibling village; the broader pack does. */
    @Property(tries = 100)
    void villagePackNeverAppliesToASibling(@ForAll @IntRange(min = 1, max = 999) int village,
            @ForAll @IntRange(min = 1, max = 999) int sibling) {
        if (village == sibling) {
            return;
        }
        RegionCode own = RegionCode.of(String.format("341702100%03d", village));
        RegionCode other = RegionCode.of(String.format("341702100%03d", sibling));
        PolicyEngine engine = new PolicyEngine(List.of(TestPack.national(), pack("village", own.prefix(), "7.00").overridingBroader()),
                c -> List.of());
        assertThat(engine.inForce(other, DAY)).extracting(p -> p.name()).containsExactly("test-national");
        assertThat(engine.inForce(own, DAY)).extracting(p -> p.name()).containsExactly("village", "test-national");
        HouseholdFacts f = HouseholdFacts.of(Fixtures.household(other, 10, 2), 2016, null, null);
        assertThat(engine.benefits(f)).extracting(BenefitLine::value).containsExactly(new BigDecimal("200.00"));
        HouseholdFacts mine = HouseholdFacts.of(Fixtures.household(own, 10, 2), 2016, null, null);
        assertThat(engine.benefits(mine)).extracting(BenefitLine::value).containsExactly(new BigDecimal("14.00"));
    }

    @Example
    void overlappingPacksOfEqualSpecificityAreRefusedAtStartUp() {
        assertThatThrownBy(() -> Jingzhun.builder().plugin(new MemoryStoragePlugin()).storage("memory")
                .policyPack(pack("a", "34", "1")).policyPack(pack("b", "34", "2")).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("overlapping");
        // Same scope, disjoint periods, is fine.
        new PolicyEngine(List.of(new TestPack("old", new RegionScope("34"), new EffectivePeriod(
                LocalDate.of(2014, 1, 1), LocalDate.of(2015, 12, 31)), BigDecimal.ONE),
                new TestPack("new", new RegionScope("34"), EffectivePeriod.from(LocalDate.of(2016, 1, 1)),
                        BigDecimal.ONE)), c -> List.of());
    }

    @Provide
    Arbitrary<List<Integer>> operations() {
        return Arbitraries.integers().between(0, 9).list().ofMaxSize(25);
    }

    /** Any sequence of operations, legal or not, leaves a case whose history replays to its stage. */
    @Property(tries = 25)
    void historyReplaysToTheCurrentStage(@ForAll("operations") @Size(max = 25) List<Integer> ops) {
        MutableClock clock = new MutableClock("2016-03-01");
        try (Jingzhun jz = PolicyFixtures.newJingzhun(clock)) {
            var officer = Fixtures.COUNTY_OFFICER;
            String id = jz.identification().apply(officer, 2016, Fixtures.household(Fixtures.VILLAGE_A1, 10, 2),
                    PolicyFixtures.income("x", 2016, 2, "1000"), "申请").id();
            for (int op : ops) {
                try {
                    switch (op) {
                        case 0 -> jz.identification().villageReview(officer, id, new VillageVote(9, 1, 0), "v");
                        case 1 -> jz.identification().villageReview(officer, id, new VillageVote(1, 9, 0), "v");
                        case 2 -> jz.identification().openFirstNotice(officer, id, "n1");
                        case 3 -> jz.identification().object(officer, id, "村民", "异议");
                        case 4 -> jz.identification().townshipReview(officer, id, true, "t");
                        case 5 -> jz.identification().openSecondNotice(officer, id, "n2");
                        case 6 -> jz.identification().countyApprove(officer, id, "c");
                        case 7 -> jz.identification().withdraw(officer, id, "w");
                        default -> clock.advanceDays(4);
                    }
                } catch (WorkflowException expected) {
                    // An illegal step is refused and changes nothing.
                }
                IdentificationCase c = jz.identification().get(officer, id);
                assertThat(IdentificationAction.replay(id, c.steps())).isEqualTo(c.stage());
            }
        }
    }
}

package org.jingzhun.testkit.policy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.policy.BenefitAmount;
import org.jingzhun.spi.policy.BenefitRule;
import org.jingzhun.spi.policy.EffectivePeriod;
import org.jingzhun.spi.policy.Explanation;
import org.jingzhun.spi.policy.HouseholdFacts;
import org.jingzhun.spi.policy.PolicyPack;
import org.jingzhun.spi.policy.RegionScope;
import org.jingzhun.spi.policy.SimplePolicyPack;
import org.jingzhun.spi.region.RegionCode;
import org.junit.jupiter.api.Test;

/** The policy contract fails the packs it exists to catch: always zero, zero without reason, bad config, not loadable. */
class PolicyContractCatchesBadPacksTest {
    /** A configuration whose one value breaks its constraint. */
    record BadConfig(@Min(1) int perHousehold) {
    }

    private static HouseholdFacts sample() {
        String first17 = "34170219650302011";
        Household h = Household.builder().id("341702-00000001").region(RegionCode.of("341702100201"))
                .mainCause(PovertyCause.ILLNESS).members(List.of(Member.of("张大山",
                        CitizenId.parse(first17 + CitizenId.checkCharacter(first17)), Relationship.HEAD)))
                .build();
        return HouseholdFacts.of(h, 2016, null, null);
    }

    private static BenefitRule pays(String result) {
        return new BenefitRule() {
            @Override
            public String policy() {
                return "bad.zero";
            }

            @Override
            public String title() {
                return "零";
            }

            @Override
            public BenefitAmount compute(HouseholdFacts f) {
                return new BenefitAmount("bad.zero", "零", BigDecimal.ZERO, new Explanation("bad", "bad.zero",
                        Map.of("a", "1"), Map.of("b", "2"), result, null));
            }
        };
    }

    /** The contract over one pack and the sample above. */
    static final class Contract extends AbstractPolicyPackContractTest {
        private final PolicyPack pack;

        Contract(PolicyPack pack) {
            this.pack = pack;
        }

        @Override
        protected PolicyPack pack() {
            return pack;
        }

        @Override
        protected List<HouseholdFacts> sampleHouseholds() {
            return List.of(sample());
        }
    }

    private static SimplePolicyPack.Builder bad() {
        return SimplePolicyPack.builder("bad", RegionScope.ofPrefix("341702"), EffectivePeriod.from(LocalDate.of(
                2016, 1, 1)));
    }

    @Test
    void aPackThatAlwaysPaysZeroFails() {
        Contract c = new Contract(bad().benefit(pays("不享受：条件不符")).build());
        assertThatThrownBy(c::someSampleReceivesAPositiveAmount).isInstanceOf(AssertionError.class)
                .hasMessageContaining("receives a positive amount");
    }

    @Test
    void aZeroWithoutAReasonFails() {
        Contract c = new Contract(bad().benefit(pays("0.00")).build());
        assertThatThrownBy(c::aZeroAmountCarriesAReason).isInstanceOf(AssertionError.class)
                .hasMessageContaining("says why it pays nothing");
    }

    @Test
    void anInvalidConfigurationFails() {
        Contract c = new Contract(bad().config(new BadConfig(0)).benefit(pays("不享受")).build());
        assertThatThrownBy(c::configurationPassesValidation).isInstanceOf(AssertionError.class)
                .hasMessageContaining("configuration of pack bad");
    }

    @Test
    void aPackNoDiscoverablePluginContributesFails() {
        Contract c = new Contract(bad().benefit(pays("不享受")).build());
        assertThatThrownBy(c::loadsThroughThePluginSpiAsTheHostDoes).isInstanceOf(AssertionError.class)
                .hasMessageContaining("META-INF/services");
    }
}

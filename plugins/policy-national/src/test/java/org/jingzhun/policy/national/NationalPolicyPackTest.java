package org.jingzhun.policy.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.HousingSafety;
import org.jingzhun.spi.household.HousingStructure;
import org.jingzhun.spi.household.Housing;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.policy.AreaFacts;
import org.jingzhun.spi.policy.Decision;
import org.jingzhun.spi.policy.ExclusionFactor;
import org.jingzhun.spi.policy.HouseholdFacts;
import org.jingzhun.spi.policy.MonitoringCategory;
import org.jingzhun.spi.policy.PolicyPack;
import org.jingzhun.spi.policy.SupplementaryFacts;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.testkit.policy.AbstractPolicyPackContractTest;
import org.junit.jupiter.api.Test;

class NationalPolicyPackTest extends AbstractPolicyPackContractTest {
    static final RegionCode VILLAGE = RegionCode.of("341702100201");
    private final NationalPolicyPack pack = new NationalPolicyPack(NationalPolicyConfig.defaults());

    static CitizenId id(String birth, int seq) {
        String first17 = "341702" + birth + String.format("%03d", seq);
        return CitizenId.parse(first17 + CitizenId.checkCharacter(first17));
    }

    static Household household(PovertyStatus status, HousingSafety safety) {
        return Household.builder().id("341702-00000001").region(VILLAGE).mainCause(PovertyCause.ILLNESS)
                .status(status).housing(new Housing(new BigDecimal("80"), HousingStructure.values()[0], 1990, safety))
                .members(List.of(Member.of("户主", id("19650302", 11), Relationship.HEAD),
                        Member.of("配偶", id("19680302", 12), Relationship.SPOUSE)))
                .build();
    }

    static HouseholdFacts facts(Household h, int year, String perCapita, SupplementaryFacts extra) {
        BigDecimal total = new BigDecimal(perCapita).multiply(BigDecimal.valueOf(h.size()));
        return HouseholdFacts.of(h, year, new IncomeStatement(h.id(), year, Map.of(IncomeItem.WAGES, total),
                BigDecimal.ZERO, h.size(), 0), extra);
    }

    @Override
    protected PolicyPack pack() {
        return new NationalPolicyPack(NationalPolicyConfig.defaults());
    }

    @Override
    protected List<HouseholdFacts> sampleHouseholds() {
        Household poor = household(PovertyStatus.NOT_EXITED, HousingSafety.SAFE);
        return List.of(facts(poor, 2015, "2854.99", null), facts(poor, 2015, "2855.00", null),
                facts(household(PovertyStatus.EXITED, HousingSafety.D_LEVEL), 2021, "5000", null),
                facts(household(PovertyStatus.NON_POOR, HousingSafety.SAFE), 2021, "9000",
                        SupplementaryFacts.none().withRigidSpending(new BigDecimal("40000"))),
                HouseholdFacts.of(poor, 2016, null, null));
    }

    @Override
    protected List<AreaFacts> sampleAreas() {
        return List.of(new AreaFacts(VILLAGE, 2018, 1000, 19, null, LocalDate.of(2018, 12, 31)));
    }

    @Test
    void householdJustUnderTheLineIsEligibleJustOverIsNot() {
        Household h = household(PovertyStatus.NOT_EXITED, HousingSafety.SAFE);
        Decision under = pack.eligibility().orElseThrow().evaluate(facts(h, 2015, "2854.99", null));
        Decision at = pack.eligibility().orElseThrow().evaluate(facts(h, 2015, "2855.00", null));
        assertThat(under.positive()).isTrue();
        assertThat(under.explanation().parameters()).containsEntry("line", "2855.00")
                .containsEntry("lineSource", "confirmed");
        assertThat(at.positive()).isFalse();
    }

    @Test
    void unconfirmedLinesAreMarkedAndOverridable() {
        Household h = household(PovertyStatus.NOT_EXITED, HousingSafety.SAFE);
        Decision d2016 = pack.eligibility().orElseThrow().evaluate(facts(h, 2016, "2999.99", null));
        assertThat(d2016.explanation().parameters()).containsEntry("line", "3000.00")
                .containsEntry("lineSource", "[unconfirmed]");
        NationalPolicyPack custom = new NationalPolicyPack(NationalPolicyConfig.defaults()
                .withLine(2016, new BigDecimal("2952"), true));
        Decision over = custom.eligibility().orElseThrow().evaluate(facts(h, 2016, "2999.99", null));
        assertThat(over.positive()).isFalse();
        assertThat(over.explanation().parameters()).containsEntry("lineSource", "confirmed");
        assertThat(pack.line(2023).note()).contains("carried forward from 2020");
    }

    @Test
    void exitNeedsStableIncomeAndBasicNeeds() {
        Household safe = household(PovertyStatus.NOT_EXITED, HousingSafety.SAFE);
        // 3,200 per head of which 400 is a one-off Yulu grant: stable income 2,800 < 2,855.
        IncomeStatement withGrant = new IncomeStatement(safe.id(), 2015, Map.of(IncomeItem.WAGES,
                new BigDecimal("5600"), IncomeItem.YULU_GRANT, new BigDecimal("800")), BigDecimal.ZERO, 2, 0);
        Decision d = pack.householdExit().orElseThrow().evaluate(HouseholdFacts.of(safe, 2015, withGrant, null));
        assertThat(d.positive()).isFalse();
        assertThat(d.explanation().inputs()).containsEntry("stablePerCapitaIncome", "2800.00");
        assertThat(pack.householdExit().orElseThrow().evaluate(facts(safe, 2015, "3000", null)).positive()).isTrue();
        Decision unsafe = pack.householdExit().orElseThrow()
                .evaluate(facts(household(PovertyStatus.NOT_EXITED, HousingSafety.D_LEVEL), 2015, "9000", null));
        assertThat(unsafe.positive()).isFalse();
        assertThat(unsafe.explanation().result()).contains("住房安全无保障");
    }

    @Test
    void villageAtOnePointNineExitsAtTwoPointOneDoesNotAndThreePercentWhereConfigured() {
        LocalDate d = LocalDate.of(2018, 12, 31);
        assertThat(pack.areaExit().orElseThrow().evaluate(new AreaFacts(VILLAGE, 2018, 1000, 19, NationalBasicNeedsAndAreaTest.ALL_MET, d))
                .positive()).isTrue();
        assertThat(pack.areaExit().orElseThrow().evaluate(new AreaFacts(VILLAGE, 2018, 1000, 21, NationalBasicNeedsAndAreaTest.ALL_MET, d))
                .positive()).isFalse();
        assertThat(pack.areaExit().orElseThrow().evaluate(new AreaFacts(VILLAGE, 2018, 1000, 20, NationalBasicNeedsAndAreaTest.ALL_MET, d))
                .positive()).as("exactly 2% is not below 2%").isFalse();
        NationalPolicyPack west = new NationalPolicyPack(NationalPolicyConfig.defaults()
                .withHigherThresholdPrefixes(Set.of("34")));
        assertThat(west.areaExit().orElseThrow().evaluate(new AreaFacts(VILLAGE, 2018, 1000, 21, NationalBasicNeedsAndAreaTest.ALL_MET, d))
                .positive()).isTrue();
    }

    @Test
    void monitoringFlagsUnstableExitedMarginalAndHardship() {
        var rule = pack.monitoring().orElseThrow();
        assertThat(rule.assess(facts(household(PovertyStatus.EXITED, HousingSafety.SAFE), 2020, "5999.99", null))
                .category()).isEqualTo(MonitoringCategory.UNSTABLE_EXITED);
        assertThat(rule.assess(facts(household(PovertyStatus.NON_POOR, HousingSafety.SAFE), 2020, "5000", null))
                .category()).isEqualTo(MonitoringCategory.MARGINAL);
        assertThat(rule.assess(facts(household(PovertyStatus.NON_POOR, HousingSafety.SAFE), 2020, "6000", null))
                .flagged()).isFalse();
        assertThat(rule.assess(facts(household(PovertyStatus.NON_POOR, HousingSafety.SAFE), 2020, "9000",
                SupplementaryFacts.none().withRigidSpending(new BigDecimal("18000.01")))).category())
                .isEqualTo(MonitoringCategory.SUDDEN_HARDSHIP);
        assertThat(rule.riskCleared(facts(household(PovertyStatus.NON_POOR, HousingSafety.SAFE), 2020, "6000",
                null)).positive()).isTrue();
    }

    @Test
    void exclusionFactorsExclude() {
        Household h = household(PovertyStatus.NOT_EXITED, HousingSafety.SAFE);
        assertThat(pack.exclusion().orElseThrow().evaluate(facts(h, 2015, "1000",
                SupplementaryFacts.none().withExclusions(Set.of(ExclusionFactor.VEHICLE)))).positive()).isTrue();
        assertThat(pack.exclusion().orElseThrow().evaluate(facts(h, 2015, "1000", null)).positive()).isFalse();
    }
}

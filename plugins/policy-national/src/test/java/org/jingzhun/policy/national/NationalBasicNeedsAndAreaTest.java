package org.jingzhun.policy.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingzhun.policy.national.NationalPolicyPackTest.facts;
import static org.jingzhun.policy.national.NationalPolicyPackTest.household;
import static org.jingzhun.policy.national.NationalPolicyPackTest.id;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;
import org.jingzhun.policy.national.NationalPolicyConfig.VillageCriteria;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.HousingSafety;
import org.jingzhun.spi.household.IdentificationStandard;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.household.StudentStatus;
import org.jingzhun.spi.policy.AreaFacts;
import org.jingzhun.spi.policy.Decision;
import org.jingzhun.spi.policy.SchoolAge;
import org.jingzhun.spi.policy.VillageIndicators;
import org.jingzhun.spi.region.RegionCode;
import org.junit.jupiter.api.Test;

/** Western-province thresholds, village indicators, school age, food and clothing, identification standards. */
class NationalBasicNeedsAndAreaTest {
    static final RegionCode ANHUI_VILLAGE = RegionCode.of("341702100201");
    static final RegionCode GANSU_VILLAGE = RegionCode.of("620102100201");
    static final RegionCode ANHUI_COUNTY = RegionCode.of("341702");
    static final VillageIndicators ALL_MET = new VillageIndicators(new BigDecimal("60000.00"), true, true, true, true);
    static final LocalDate END_2018 = LocalDate.of(2018, 12, 31);

    final NationalPolicyPack pack = new NationalPolicyPack(NationalPolicyConfig.defaults());

    Decision area(NationalPolicyPack p, RegionCode code, long poor, VillageIndicators v) {
        return p.areaExit().orElseThrow().evaluate(new AreaFacts(code, 2018, 1000, poor, v, END_2018));
    }

    @Test
    void theTwelveWesternProvincesUseThreePercentByDefaultOthersTwo() {
        assertThat(NationalPolicyConfig.defaults().higherThresholdPrefixes()).containsExactlyInAnyOrder("15", "45",
                "50", "51", "52", "53", "54", "61", "62", "63", "64", "65");
        assertThat(area(pack, GANSU_VILLAGE, 29, ALL_MET).positive()).as("2.9% in Gansu").isTrue();
        assertThat(area(pack, GANSU_VILLAGE, 30, ALL_MET).positive()).as("exactly 3% in Gansu").isFalse();
        assertThat(area(pack, GANSU_VILLAGE, 29, ALL_MET).explanation().parameters())
                .containsEntry("incidenceThresholdPercent", "3.00");
        assertThat(area(pack, ANHUI_VILLAGE, 21, ALL_MET).positive()).as("2.1% in Anhui").isFalse();
        assertThat(area(pack, ANHUI_VILLAGE, 19, ALL_MET).positive()).isTrue();
        NationalPolicyPack noWest = new NationalPolicyPack(NationalPolicyConfig.defaults()
                .withHigherThresholdPrefixes(Set.of()));
        assertThat(area(noWest, GANSU_VILLAGE, 29, ALL_MET).positive()).as("override: no western list").isFalse();
    }

    @Test
    void villageIndicatorsAreEvaluatedEachFailureNamed() {
        Decision ok = area(pack, ANHUI_VILLAGE, 10, ALL_MET);
        assertThat(ok.positive()).isTrue();
        assertThat(ok.explanation().inputs()).containsEntry("indicatorGaps", "none");
        assertThat(ok.explanation().parameters()).containsEntry("minCollectiveIncome", "50000.00");

        Decision poor = area(pack, ANHUI_VILLAGE, 10,
                new VillageIndicators(new BigDecimal("30000.00"), true, false, true, false));
        assertThat(poor.positive()).as("incidence fine but indicators not").isFalse();
        assertThat(poor.explanation().inputs().get("indicatorGaps")).isEqualTo(
                "村集体经济收入30000.00元低于50000.00元; 未实现安全饮水; 未通宽带");
        assertThat(poor.explanation().result()).contains("indicators not met", "未通宽带");

        Decision noRoadNoClinic = area(pack, ANHUI_VILLAGE, 10,
                new VillageIndicators(null, false, true, false, true));
        assertThat(noRoadNoClinic.explanation().inputs().get("indicatorGaps"))
                .isEqualTo("村集体经济收入未录入低于50000.00元; 未通硬化路; 无标准化卫生室");

        Decision none = area(pack, ANHUI_VILLAGE, 10, null);
        assertThat(none.positive()).isFalse();
        assertThat(none.explanation().result()).contains("未录入贫困村出列指标");

        NationalPolicyPack lenient = new NationalPolicyPack(NationalPolicyConfig.defaults()
                .withVillageCriteria(new VillageCriteria(null, true, true, true, false)));
        assertThat(area(lenient, ANHUI_VILLAGE, 10, new VillageIndicators(null, true, true, true, false))
                .positive()).as("income and broadband not required").isTrue();
        assertThat(area(lenient, ANHUI_VILLAGE, 10, null).explanation().parameters())
                .containsEntry("minCollectiveIncome", "not required");
    }

    @Test
    void countiesAreJudgedOnIncidenceAloneWithoutIndicators() {
        Decision county = area(pack, ANHUI_COUNTY, 10, null);
        assertThat(county.positive()).isTrue();
        assertThat(county.explanation().inputs()).doesNotContainKey("indicatorGaps");
        assertThat(area(pack, ANHUI_COUNTY, 25, null).positive()).isFalse();
    }

    static Household withChild(LocalDate birth, StudentStatus status) {
        Household base = household(PovertyStatus.NOT_EXITED, HousingSafety.SAFE);
        Member child = Member.of("孩子", id(birth.toString().replace("-", ""), 13), Relationship.SON)
                .withStudentStatus(status);
        return base.toBuilder().members(List.of(base.members().get(0), base.members().get(1), child)).build();
    }

    @Test
    void schoolAgeIsSixToFifteenOnFirstSeptemberAndConfigurable() {
        assertThat(pack.schoolAge()).contains(SchoolAge.defaults());
        // Six on 1 September 2015: of school age in the school year running at the end of 2015.
        Household six = withChild(LocalDate.of(2009, 9, 1), StudentStatus.NOT_STUDENT);
        assertThat(pack.basicNeedGaps(six, LocalDate.of(2015, 12, 31))).anyMatch(g -> g.startsWith("义务教育"));
        // Six only on 2 September 2015: not yet of school age that year.
        Household five = withChild(LocalDate.of(2009, 9, 2), StudentStatus.NOT_STUDENT);
        assertThat(pack.basicNeedGaps(five, LocalDate.of(2015, 12, 31))).noneMatch(g -> g.startsWith("义务教育"));
        // Before 1 September the school year that began the previous autumn counts: still five then, six after.
        assertThat(pack.basicNeedGaps(five, LocalDate.of(2016, 6, 30))).noneMatch(g -> g.startsWith("义务教育"));
        assertThat(pack.basicNeedGaps(five, LocalDate.of(2016, 9, 1))).anyMatch(g -> g.startsWith("义务教育"));
        assertThat(pack.basicNeedGaps(withChild(LocalDate.of(2009, 9, 1), StudentStatus.PRIMARY),
                LocalDate.of(2015, 12, 31))).noneMatch(g -> g.startsWith("义务教育"));

        NationalPolicyPack sevenOn = new NationalPolicyPack(NationalPolicyConfig.defaults()
                .withSchoolAge(new SchoolAge(7, 15, MonthDay.of(9, 1))));
        assertThat(sevenOn.schoolAge()).contains(new SchoolAge(7, 15, MonthDay.of(9, 1)));
        assertThat(sevenOn.basicNeedGaps(six, LocalDate.of(2015, 12, 31))).noneMatch(g -> g.startsWith("义务教育"));
    }

    @Test
    void foodAndClothingAreAssessedFromStableIncome() {
        Household h = household(PovertyStatus.NOT_EXITED, HousingSafety.SAFE);
        Decision below = pack.householdExit().orElseThrow().evaluate(facts(h, 2015, "2800", null));
        assertThat(below.positive()).isFalse();
        assertThat(below.explanation().inputs().get("foodAndClothing"))
                .isEqualTo("不愁吃、不愁穿无保障:稳定人均纯收入2800.00元低于标准2855.00元");
        assertThat(below.explanation().result()).contains("不愁吃、不愁穿无保障");
        Decision above = pack.householdExit().orElseThrow().evaluate(facts(h, 2015, "2855", null));
        assertThat(above.positive()).isTrue();
        assertThat(above.explanation().inputs()).containsEntry("foodAndClothing", "secure");
        Decision eligible = pack.eligibility().orElseThrow().evaluate(facts(h, 2015, "2000", null));
        assertThat(eligible.explanation().inputs().get("basicNeedGaps")).startsWith("不愁吃、不愁穿无保障");
    }

    @Test
    void incomeTestsUseTheLineOfTheHouseholdsStandard() {
        NationalPolicyPack local = new NationalPolicyPack(NationalPolicyConfig.defaults()
                .withLocalLine("34", 2015, new BigDecimal("3070")).withLocalLine("3417", 2015, new BigDecimal("3200")));
        Household national = household(PovertyStatus.NOT_EXITED, HousingSafety.SAFE);
        Household provincial = national.toBuilder().standard(IdentificationStandard.PROVINCIAL).build();
        Household municipal = national.toBuilder().standard(IdentificationStandard.MUNICIPAL).build();

        assertThat(local.eligibility().orElseThrow().evaluate(facts(national, 2015, "3000", null)).positive())
                .as("3,000 ≥ national 2,855").isFalse();
        Decision prov = local.eligibility().orElseThrow().evaluate(facts(provincial, 2015, "3000", null));
        assertThat(prov.positive()).as("3,000 < Anhui line 3,070").isTrue();
        assertThat(prov.explanation().parameters()).containsEntry("standard", "PROVINCIAL")
                .containsEntry("line", "3070.00").containsEntry("lineSource", "provincial line of 34");
        assertThat(local.householdExit().orElseThrow().evaluate(facts(municipal, 2015, "3100", null)).positive())
                .as("3,100 < Chizhou line 3,200").isFalse();
        Decision later = local.householdExit().orElseThrow().evaluate(facts(municipal, 2016, "3300", null));
        assertThat(later.positive()).isTrue();
        assertThat(later.explanation().parameters()).containsEntry("lineSource",
                "municipal line of 3417 carried forward from 2015");

        // No provincial line configured (the default): the national line, and the explanation says so.
        Decision fallback = pack.eligibility().orElseThrow().evaluate(facts(provincial, 2015, "3000", null));
        assertThat(fallback.positive()).isFalse();
        assertThat(fallback.explanation().parameters()).containsEntry("line", "2855.00");
        assertThat(fallback.explanation().parameters().get("lineSource"))
                .contains("no provincial line configured for 34: national line used");
    }
}

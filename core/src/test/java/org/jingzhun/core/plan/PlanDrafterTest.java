package org.jingzhun.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jingzhun.core.testsupport.Households;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Housing;
import org.jingzhun.spi.household.HousingSafety;
import org.jingzhun.spi.household.HousingStructure;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.household.StudentStatus;
import org.jingzhun.spi.funds.FundSourceKind;
import org.jingzhun.spi.plan.HouseholdPlan;
import org.jingzhun.spi.plan.Measure;
import org.jingzhun.spi.plan.MeasureStatus;
import org.jingzhun.spi.plan.MeasureType;
import org.jingzhun.spi.plan.Need;
import org.jingzhun.spi.plan.NeedGap;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.policy.SchoolAge;
import org.junit.jupiter.api.Test;

class PlanDrafterTest {
    static final RegionCode VILLAGE = RegionCode.of("341702100201");
    final Households hh = new Households();
    final PlanDrafter drafter = new PlanDrafter(new MeasureCatalogue(List.of()));

    @Test
    void needsComeFromCausesAndGapsAndMeasuresFromTheirSuggestions() {
        Household h = hh.household(VILLAGE, 2, PovertyCause.ILLNESS, PovertyCause.LACK_OF_CAPITAL)
                .id("341702-00000001")
                .housing(new Housing(new BigDecimal("60"), HousingStructure.EARTH_WOOD, 1980, HousingSafety.D_LEVEL))
                .safeDrinkingWater(false)
                .addMember(new Member("王小", hh.id(LocalDate.of(2008, 4, 1)), Relationship.SON, "01",
                        org.jingzhun.spi.household.Education.PRIMARY, StudentStatus.NOT_STUDENT,
                        org.jingzhun.spi.household.HealthStatus.HEALTHY, org.jingzhun.spi.household.LabourAbility.NONE,
                        org.jingzhun.spi.household.MigrantWork.NONE, 0, Set.of(), false))
                .build();
        IncomeStatement income = new IncomeStatement(h.id(), 2016, Map.of(IncomeItem.WAGES, new BigDecimal("6000")),
                BigDecimal.ZERO, 3, 0);

        HouseholdPlan plan = drafter.draft(h, Optional.of(income), 2017, new BigDecimal("3100"), "C-01");

        assertThat(plan.needs()).extracting(Need::cause).startsWith(PovertyCause.ILLNESS,
                PovertyCause.LACK_OF_CAPITAL);
        assertThat(plan.needs()).extracting(Need::gap).containsSubsequence(NeedGap.INCOME, NeedGap.HOUSING,
                NeedGap.DRINKING_WATER, NeedGap.COMPULSORY_EDUCATION, NeedGap.MEDICAL_INSURANCE);
        assertThat(plan.needs().stream().filter(n -> n.gap() == NeedGap.INCOME).findFirst().orElseThrow()
                .description()).contains("2016年人均纯收入2000.00元", "目标3100.00元");
        assertThat(plan.measures()).extracting(Measure::type).containsExactly(MeasureType.HEALTH,
                MeasureType.SOCIAL_SECURITY, MeasureType.MICROCREDIT, MeasureType.INDUSTRY,
                MeasureType.HOUSING_RENOVATION, MeasureType.INFRASTRUCTURE, MeasureType.EDUCATION);
        assertThat(plan.measures()).extracting(Measure::id).containsExactly("M1", "M2", "M3", "M4", "M5", "M6", "M7");
        Measure credit = plan.measure("M3").orElseThrow();
        assertThat(credit.fundingSource()).isEqualTo(FundSourceKind.CREDIT);
        assertThat(credit.responsibleCadre()).isEqualTo("C-01");
        assertThat(credit.deadline()).isEqualTo(LocalDate.of(2017, 12, 31));
        assertThat(credit.status()).isEqualTo(MeasureStatus.PLANNED);
        assertThat(credit.cost()).isEqualTo(new BigDecimal("0.00"));
        assertThat(plan.incomeGoal()).isEqualTo(new BigDecimal("3100.00"));
    }

    @Test
    void aHouseholdAboveTheGoalWithNoGapsNeedsOnlyWhatItsCausesSay() {
        Household h = hh.household(VILLAGE, 1, PovertyCause.SCHOOLING).id("341702-00000002").build();
        IncomeStatement income = new IncomeStatement(h.id(), 2017, Map.of(IncomeItem.WAGES, new BigDecimal("5000")),
                BigDecimal.ZERO, 1, 0);
        HouseholdPlan plan = drafter.draft(h, Optional.of(income), 2017, new BigDecimal("3100"), null);
        assertThat(plan.needs()).extracting(Need::gap).containsOnlyNulls();
        assertThat(plan.measures()).extracting(Measure::type).containsExactly(MeasureType.EDUCATION);
        assertThat(plan.responsibleCadre()).isNull();
    }

    @Test
    void outOfSchoolChildrenAreFoundWithTheSchoolAgeInForce() {
        // Six on 1 September 2017 and not at school: a gap at 6–15 (the default), none where school starts at 7.
        Household h = hh.household(VILLAGE, 1, PovertyCause.OTHER).id("341702-00000004")
                .addMember(new Member("王小", hh.id(LocalDate.of(2011, 8, 20)), Relationship.SON, "01",
                        org.jingzhun.spi.household.Education.PRE_SCHOOL, StudentStatus.PRE_SCHOOL,
                        org.jingzhun.spi.household.HealthStatus.HEALTHY, org.jingzhun.spi.household.LabourAbility.NONE,
                        org.jingzhun.spi.household.MigrantWork.NONE, 0, Set.of(), false))
                .build();
        IncomeStatement income = new IncomeStatement(h.id(), 2017, Map.of(IncomeItem.WAGES, new BigDecimal("9000")),
                BigDecimal.ZERO, 2, 0);
        assertThat(drafter.draft(h, Optional.of(income), 2017, new BigDecimal("3100"), null).needs())
                .extracting(Need::gap).contains(NeedGap.COMPULSORY_EDUCATION);
        List<LocalDate> asked = new java.util.ArrayList<>();
        MeasureCatalogue sevenOn = new MeasureCatalogue(List.of(), (region, date) -> {
            asked.add(date);
            return new SchoolAge(7, 15, java.time.MonthDay.of(9, 1));
        });
        assertThat(new PlanDrafter(sevenOn).draft(h, Optional.of(income), 2017, new BigDecimal("3100"), null).needs())
                .extracting(Need::gap).doesNotContain(NeedGap.COMPULSORY_EDUCATION);
        assertThat(sevenOn.schoolAge(VILLAGE, LocalDate.of(2017, 12, 31)).firstAge()).isEqualTo(7);
        assertThat(asked).first().isEqualTo(LocalDate.of(2017, 12, 31));
    }

    @Test
    void noIncomeStatementIsAnIncomeGap() {
        Household h = hh.household(VILLAGE, 1, PovertyCause.OTHER).id("341702-00000003").build();
        assertThat(PlanDrafter.gaps(h, Optional.empty(), 2017, BigDecimal.ONE, SchoolAge.defaults())).containsExactly(NeedGap.INCOME);
    }
}

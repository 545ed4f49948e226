package org.jingzhun.core.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.Insurance;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.StudentStatus;
import org.jingzhun.spi.plan.HouseholdPlan;
import org.jingzhun.spi.plan.Measure;
import org.jingzhun.spi.plan.MeasureStatus;
import org.jingzhun.spi.plan.MeasureType;
import org.jingzhun.spi.plan.Need;
import org.jingzhun.spi.plan.NeedGap;
import org.jingzhun.spi.policy.SchoolAge;

/**
 * Suggests a draft household plan (一户一策草案) from the household's card: one need per poverty cause, one per
 * basic-needs gap found on the card (unsafe housing, unsafe water, no electricity, a child of compulsory-education age
 * (the policy engine's {@code SchoolAge}, 6–15 on 1 September by default) in the school year starting in the plan
 * year who is not at school, a member without basic medical insurance) and the income gap when the
 * latest income statement up to the plan year is below the goal or missing. Measures follow the catalogue's
 * suggestions for those causes and gaps, one per type, with zero cost and benefit for people to fill in, the paired
 * cadre as responsible, 31 December as deadline, status planned. Pure.
 */
final class PlanDrafter {
    private final MeasureCatalogue catalogue;

    PlanDrafter(MeasureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    HouseholdPlan draft(Household h, Optional<IncomeStatement> latestIncome, int year, BigDecimal incomeGoal,
            String cadreId) {
        incomeGoal = incomeGoal.setScale(2, java.math.RoundingMode.HALF_UP);
        List<Need> needs = new ArrayList<>();
        for (PovertyCause c : h.causes()) {
            needs.add(Need.ofCause(c));
        }
        List<NeedGap> gaps = gaps(h, latestIncome, year, incomeGoal,
                catalogue.schoolAge(h.region(), LocalDate.of(year, 12, 31)));
        for (NeedGap g : gaps) {
            needs.add(Need.ofGap(g, detail(g, h, latestIncome, incomeGoal)));
        }
        LocalDate deadline = LocalDate.of(year, 12, 31);
        List<Measure> measures = new ArrayList<>();
        int n = 1;
        for (MeasureType t : catalogue.suggest(h.region(), h.causes(), gaps)) {
            measures.add(new Measure("M" + n++, t, catalogue.draftDescription(t), BigDecimal.ZERO, BigDecimal.ZERO,
                    catalogue.defaultFunding(t), cadreId, deadline, MeasureStatus.PLANNED, List.of()));
        }
        return new HouseholdPlan(h.id(), h.region(), year, incomeGoal, cadreId, needs, measures);
    }

    static List<NeedGap> gaps(Household h, Optional<IncomeStatement> latestIncome, int year, BigDecimal incomeGoal,
            SchoolAge schoolAge) {
        List<NeedGap> out = new ArrayList<>();
        if (latestIncome.isEmpty() || latestIncome.get().perCapitaNetIncome().compareTo(incomeGoal) < 0) {
            out.add(NeedGap.INCOME);
        }
        if (h.housing() != null && !h.housing().safe()) {
            out.add(NeedGap.HOUSING);
        }
        if (!h.safeDrinkingWater()) {
            out.add(NeedGap.DRINKING_WATER);
        }
        if (!h.electricity()) {
            out.add(NeedGap.ELECTRICITY);
        }
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        if (h.members().stream().anyMatch(m -> outOfSchool(m, schoolAge, yearEnd))) {
            out.add(NeedGap.COMPULSORY_EDUCATION);
        }
        if (h.members().stream().anyMatch(m -> !m.insurances().contains(Insurance.RURAL_MEDICAL))) {
            out.add(NeedGap.MEDICAL_INSURANCE);
        }
        return out;
    }

    private static boolean outOfSchool(Member m, SchoolAge schoolAge, LocalDate date) {
        return schoolAge.covers(m.birthDate(), date)
                && (m.studentStatus() == StudentStatus.NOT_STUDENT || m.studentStatus() == StudentStatus.PRE_SCHOOL);
    }

    private static String detail(NeedGap g, Household h, Optional<IncomeStatement> income, BigDecimal goal) {
        return switch (g) {
            case INCOME -> income.map(i -> i.year() + "年人均纯收入" + i.perCapitaNetIncome().toPlainString() + "元，目标"
                    + goal.toPlainString() + "元").orElse("无收入记录，目标" + goal.toPlainString() + "元");
            case HOUSING -> h.housing().safety().label();
            default -> null;
        };
    }
}

package org.jingzhun.spi.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.jingzhun.spi.region.RegionCode;

/**
 * A household's assistance plan for one year (一户一策 / 一户一法): the per-capita income goal, the needs found and
 * the measures planned against them. Core suggests a draft from the household's poverty causes and basic-needs gaps;
 * people then edit it. Immutable; storage keeps versions.
 *
 * @param householdId      the household the plan is for
 * @param region           the household's village (kept for region-scoped queries)
 * @param year             the plan year
 * @param incomeGoal       per-capita net income the plan aims at by the end of the year (收入目标), yuan
 * @param responsibleCadre the cadre paired with the household when the plan was made (包户干部), or null
 */
public record HouseholdPlan(
        @NotBlank String householdId,
        @NotNull RegionCode region,
        @Min(2000) @Max(2100) int year,
        @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal incomeGoal,
        @Size(max = 40) String responsibleCadre,
        @NotNull @Size(max = 30) List<@Valid @NotNull Need> needs,
        @NotNull @Size(max = 50) List<@Valid @NotNull Measure> measures) {

    public HouseholdPlan {
        incomeGoal = org.jingzhun.spi.funds.Money.exact(incomeGoal);
        needs = needs == null ? List.of() : List.copyOf(needs);
        measures = measures == null ? List.of() : List.copyOf(measures);
    }

    /** The document id of a household's plan for a year: {@code <householdId>/<year>}. */
    public static String idOf(String householdId, int year) {
        return householdId + "/" + year;
    }

    @JsonIgnore
    public String id() {
        return idOf(householdId, year);
    }

    public Optional<Measure> measure(String measureId) {
        return measures.stream().filter(m -> m.id().equals(measureId)).findFirst();
    }

    /** Total cost of the measures not dropped. */
    @JsonIgnore
    public BigDecimal totalCost() {
        return measures.stream().filter(m -> m.status() != MeasureStatus.DROPPED).map(Measure::cost)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** Total expected yearly benefit of the measures not dropped. */
    @JsonIgnore
    public BigDecimal totalExpectedBenefit() {
        return measures.stream().filter(m -> m.status() != MeasureStatus.DROPPED).map(Measure::expectedBenefit)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** A copy with other measures. */
    public HouseholdPlan withMeasures(List<Measure> next) {
        return new HouseholdPlan(householdId, region, year, incomeGoal, responsibleCadre, needs, next);
    }
}

package org.jingzhun.spi.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.jingzhun.spi.region.RegionCode;

/**
 * Whole-village advancement (整村推进) of a poor village: a three-year programme that pushes on for three years
 * (连推3年), invests for three years (连投3年) and keeps the same helping units for three years (连帮3年). It records the
 * projects with their budget per year, the funds committed per year and the units committed, so the commitment can
 * be checked.
 *
 * @param village   the poor village
 * @param startYear first of the three years
 */
public record VillageAdvancement(
        @NotNull RegionCode village,
        @Min(2000) @Max(2098) int startYear,
        @NotNull @Size(max = 100) List<@Valid @NotNull VillageProject> projects,
        @NotNull @Size(max = 200) List<@Valid @NotNull FundCommitment> funds,
        @NotNull @Size(max = 50) List<@Valid @NotNull UnitCommitment> units) {

    /** Length of the programme in years. */
    public static final int YEARS = 3;

    public VillageAdvancement {
        projects = projects == null ? List.of() : List.copyOf(projects);
        funds = funds == null ? List.of() : List.copyOf(funds);
        units = units == null ? List.of() : List.copyOf(units);
    }

    /** The document id: {@code <village code>/<start year>}. */
    public static String idOf(RegionCode village, int startYear) {
        return village.value() + "/" + startYear;
    }

    @JsonIgnore
    public String id() {
        return idOf(village, startYear);
    }

    /** The three programme years. */
    @JsonIgnore
    public List<Integer> years() {
        return IntStream.range(startYear, startYear + YEARS).boxed().toList();
    }

    @JsonIgnore
    public int endYear() {
        return startYear + YEARS - 1;
    }

    /** Funds committed for a year. */
    public BigDecimal committed(int year) {
        return funds.stream().filter(f -> f.year() == year).map(FundCommitment::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** Project budgets of a year, dropped projects excluded. */
    public BigDecimal budgeted(int year) {
        return projects.stream().filter(p -> p.status() != MeasureStatus.DROPPED).map(p -> p.budget(year))
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}

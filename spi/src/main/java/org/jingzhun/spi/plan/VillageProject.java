package org.jingzhun.spi.plan;

import org.jingzhun.spi.funds.FundSourceKind;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A project of a village plan or of whole-village advancement (村级项目): roads, water, a village industry base…,
 * with its budget per year, the unit responsible (责任单位), funding source, deadline, status and progress notes.
 *
 * @param id              unique within the plan, e.g. {@code P1}
 * @param budgetByYear    budget per calendar year, yuan
 * @param responsibleUnit id of the helping unit or name of the department responsible
 */
public record VillageProject(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,20}") String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull MeasureType type,
        @NotNull Map<@NotNull Integer, @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal> budgetByYear,
        @NotNull FundSourceKind fundingSource,
        @NotBlank @Size(max = 60) String responsibleUnit,
        @NotNull LocalDate deadline,
        @NotNull MeasureStatus status,
        @NotNull List<@Valid @NotNull ProgressNote> progress) {

    public VillageProject {
        TreeMap<Integer, BigDecimal> copy = new TreeMap<>();
        if (budgetByYear != null) {
            budgetByYear.forEach((y, v) -> copy.put(y, org.jingzhun.spi.funds.Money.exact(v)));
        }
        budgetByYear = java.util.Collections.unmodifiableSortedMap(copy);
        progress = progress == null ? List.of() : List.copyOf(progress);
    }

    /** Budget of one year, zero when none. */
    public BigDecimal budget(int year) {
        BigDecimal v = budgetByYear.get(year);
        return v == null ? BigDecimal.ZERO.setScale(2) : v;
    }

    /** Budget of every year together. */
    @JsonIgnore
    public BigDecimal totalBudget() {
        return budgetByYear.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** A copy in another status with one more progress note (note may be null). */
    public VillageProject withProgress(MeasureStatus next, ProgressNote note) {
        List<ProgressNote> notes = new ArrayList<>(progress);
        if (note != null) {
            notes.add(note);
        }
        return new VillageProject(id, name, type, budgetByYear, fundingSource, responsibleUnit, deadline, next, notes);
    }
}

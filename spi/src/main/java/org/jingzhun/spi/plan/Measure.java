package org.jingzhun.spi.plan;

import org.jingzhun.spi.funds.FundSourceKind;
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

/**
 * One assistance measure (帮扶措施) of a household plan: what is done, what it costs, the yearly income it is
 * expected to bring, who pays, the cadre responsible, the deadline, its status and progress notes. Money is yuan with
 * two decimals.
 *
 * @param id               unique within the plan, e.g. {@code M1}
 * @param expectedBenefit  expected yearly income gain of the household (预期增收), yuan
 * @param responsibleCadre id of the responsible cadre (责任人), null while not yet assigned
 */
public record Measure(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,20}") String id,
        @NotNull MeasureType type,
        @NotBlank @Size(max = 200) String description,
        @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal cost,
        @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal expectedBenefit,
        @NotNull FundSourceKind fundingSource,
        @Size(max = 40) String responsibleCadre,
        @NotNull LocalDate deadline,
        @NotNull MeasureStatus status,
        @NotNull List<@Valid @NotNull ProgressNote> progress) {

    public Measure {
        cost = org.jingzhun.spi.funds.Money.exact(cost);
        expectedBenefit = org.jingzhun.spi.funds.Money.exact(expectedBenefit);
        progress = progress == null ? List.of() : List.copyOf(progress);
    }

    /** A copy in another status with one more progress note (note may be null). */
    public Measure withProgress(MeasureStatus next, ProgressNote note) {
        List<ProgressNote> notes = new ArrayList<>(progress);
        if (note != null) {
            notes.add(note);
        }
        return new Measure(id, type, description, cost, expectedBenefit, fundingSource, responsibleCadre, deadline,
                next, notes);
    }

    /** A copy with another responsible cadre. */
    public Measure withResponsibleCadre(String cadreId) {
        return new Measure(id, type, description, cost, expectedBenefit, fundingSource, cadreId, deadline, status,
                progress);
    }
}

package org.jingzhun.spi.funds;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A donor's claim of a project or part of it (项目认领): the donor pledges to pay {@link #amount()} of the project's
 * budget. Claims of a project never add up to more than its budget. Money received against a claim becomes a fund
 * source of kind {@code SOCIAL_DONATION} tied to the project and is allocated to it at once.
 *
 * @param id assigned by core when blank, {@code <county>-D<sequence>}
 */
public record ProjectClaim(
        @Pattern(regexp = "\\d{6}-D\\d{1,20}") String id,
        @NotBlank String projectId,
        @NotNull @Valid Donor donor,
        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @NotNull LocalDate date,
        @Size(max = 200) String note) {

    public ProjectClaim {
        amount = Money.exact(amount);
    }

    /** A claim without id (core assigns it). */
    public static ProjectClaim of(String projectId, Donor donor, BigDecimal amount, LocalDate date, String note) {
        return new ProjectClaim(null, projectId, donor, amount, date, note);
    }

    public ProjectClaim withId(String newId) {
        return new ProjectClaim(newId, projectId, donor, amount, date, note);
    }
}

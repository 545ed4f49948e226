package org.jingzhun.spi.funds;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A request to pay money out of a project (资金拨付/支出) to a payee. Refused when the project's allocated but
 * undisbursed money is smaller than the amount.
 *
 * @param allocationId the allocation to draw from; null draws from the project's allocations oldest first, splitting
 *                     the payment over several of them when needed
 * @param purpose      what the money pays for, e.g. {@code 产业奖补} or {@code 道路硬化工程款}
 */
public record Disbursement(
        @NotBlank String projectId,
        String allocationId,
        @NotNull @Valid Payee payee,
        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @NotNull LocalDate date,
        @NotBlank @Size(max = 200) String purpose) {

    public Disbursement {
        amount = Money.exact(amount);
    }

    /** A disbursement drawn from the project's allocations oldest first. */
    public static Disbursement of(String projectId, Payee payee, BigDecimal amount, LocalDate date, String purpose) {
        return new Disbursement(projectId, null, payee, amount, date, purpose);
    }
}

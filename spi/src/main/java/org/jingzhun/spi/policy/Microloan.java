package org.jingzhun.spi.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.jingzhun.spi.person.CitizenId;

/**
 * A poverty microcredit loan (扶贫小额信贷) of a household member, the input of interest-subsidy (贷款贴息) rules.
 *
 * @param annualRate    yearly interest rate as a fraction, e.g. {@code 0.0435}
 * @param termMonths    term in months
 * @param productionUse whether the money went to production (only then is it subsidised)
 * @param defaulted     whether the loan is overdue/defaulted (a defaulted loan loses the subsidy)
 * @param defaultedOn   the day it defaulted when known (the subsidy stops that day); {@code null} with
 *                      {@code defaulted} means it lost the subsidy for the whole period
 * @param repayments    principal repaid, in date order
 */
public record Microloan(
        @NotBlank String loanId,
        @NotNull CitizenId borrower,
        @NotNull @DecimalMin("0.01") @Digits(integer = 10, fraction = 2) BigDecimal principal,
        @NotNull @DecimalMin("0") @Digits(integer = 1, fraction = 6) BigDecimal annualRate,
        @NotNull LocalDate start,
        @Min(1) @Max(120) int termMonths,
        boolean productionUse,
        boolean defaulted,
        LocalDate defaultedOn,
        @NotNull List<@Valid @NotNull LoanRepayment> repayments) {

    public Microloan {
        defaulted = defaulted || defaultedOn != null;
        repayments = repayments == null ? List.of()
                : repayments.stream().sorted(Comparator.comparing(LoanRepayment::date)).toList();
    }

    /** A loan as a household reports it: no repayments, and a default (if any) without its day. */
    public Microloan(String loanId, CitizenId borrower, BigDecimal principal, BigDecimal annualRate, LocalDate start,
            int termMonths, boolean productionUse, boolean defaulted) {
        this(loanId, borrower, principal, annualRate, start, termMonths, productionUse, defaulted, null, null);
    }

    /** The day the term ends (到期日). */
    public LocalDate maturity() {
        return start.plusMonths(termMonths);
    }
}

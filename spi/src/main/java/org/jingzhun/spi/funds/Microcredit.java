package org.jingzhun.spi.funds;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.policy.Microloan;

/**
 * A poverty microcredit loan (扶贫小额信贷) of a household member, issued by the bank of a risk compensation fund under
 * its terms: no guarantee or collateral, production use only, interest subsidised by the county (贷款贴息). The money
 * is the bank's; Jingzhun keeps the loan for the subsidy, the outstanding principal and default compensation.
 *
 * @param id         assigned by core when blank, {@code <county>-C<sequence>}
 * @param borrower   the member of the household who borrows; must be 18–65 (by the terms) on {@link #start()}
 * @param annualRate the contracted yearly rate as a fraction, e.g. {@code 0.0475}
 */
public record Microcredit(
        @Pattern(regexp = "\\d{6}-C\\d{1,20}") String id,
        @NotBlank String householdId,
        @NotNull CitizenId borrower,
        @NotBlank String riskFundId,
        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal principal,
        @NotNull @DecimalMin("0") @DecimalMax("0.5") BigDecimal annualRate,
        @NotNull LocalDate start,
        @Min(1) @Max(120) int termMonths,
        @NotNull LoanPurpose purpose) {

    public Microcredit {
        principal = Money.exact(principal);
    }

    /** A loan without id (core assigns it). */
    public static Microcredit of(String householdId, CitizenId borrower, String riskFundId, BigDecimal principal,
            BigDecimal annualRate, LocalDate start, int termMonths, LoanPurpose purpose) {
        return new Microcredit(null, householdId, borrower, riskFundId, principal, annualRate, start, termMonths,
                purpose);
    }

    public Microcredit withId(String newId) {
        return new Microcredit(newId, householdId, borrower, riskFundId, principal, annualRate, start, termMonths,
                purpose);
    }

    /** The day the term ends (到期日). */
    public LocalDate maturity() {
        return start.plusMonths(termMonths);
    }

    /**
     * The loan as interest-subsidy rules read it (supplementary facts of a household).
     *
     * @param defaultedOn the day it defaulted, or null
     * @param repayments  principal repaid, net of reversals
     */
    public Microloan toPolicyInput(LocalDate defaultedOn, java.util.List<org.jingzhun.spi.policy.LoanRepayment> repayments) {
        return new Microloan(id, borrower, principal, annualRate, start, termMonths, purpose.production(),
                defaultedOn != null, defaultedOn, repayments);
    }
}

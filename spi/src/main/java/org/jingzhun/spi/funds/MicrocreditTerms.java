package org.jingzhun.spi.funds;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * The lending terms of a county's poverty microcredit scheme (扶贫小额信贷放贷条件): the largest loan and term and the
 * borrowers' ages, checked when a loan is issued. Data, not constants, because the rules changed over the years. The
 * interest subsidy's rates and share are policy and live in the policy pack in force, not here.
 */
public record MicrocreditTerms(
        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal maxPrincipal,
        @Min(1) @Max(120) int maxTermMonths,
        @Min(16) @Max(100) int minAge,
        @Min(16) @Max(100) int maxAge) {

    public MicrocreditTerms {
        maxPrincipal = Money.exact(maxPrincipal);
    }

    /** The terms of 2016 (Guichi and Anhui generally): up to 50,000 yuan for up to three years, borrowers 18–65. */
    public static MicrocreditTerms standard2016() {
        return new MicrocreditTerms(new BigDecimal("50000.00"), 36, 18, 65);
    }
}

package org.jingzhun.spi.funds;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * The terms of a county's poverty microcredit scheme (扶贫小额信贷政策): the largest loan and term, the borrowers'
 * ages, the benchmark rates the subsidy is computed at and the share of interest the county pays (贴息比例). Data,
 * not constants, because the rules changed over the years (e.g. LPR-based rates and a 70% subsidy from 2024).
 *
 * @param oneYearRate   benchmark rate for terms up to 12 months, as a fraction (0.0435)
 * @param threeYearRate benchmark rate for longer terms up to three years (0.0475)
 * @param subsidyShare  share of the interest the county pays, 1.00 = fully subsidised
 */
public record MicrocreditTerms(
        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal maxPrincipal,
        @Min(1) @Max(120) int maxTermMonths,
        @Min(16) @Max(100) int minAge,
        @Min(16) @Max(100) int maxAge,
        @NotNull @DecimalMin("0") @DecimalMax("0.5") BigDecimal oneYearRate,
        @NotNull @DecimalMin("0") @DecimalMax("0.5") BigDecimal threeYearRate,
        @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal subsidyShare) {

    public MicrocreditTerms {
        maxPrincipal = Money.exact(maxPrincipal);
    }

    /**
     * The terms of 2016 (Guichi and Anhui generally): up to 50,000 yuan for up to three years, borrowers 18–65,
     * benchmark 4.35% for one year and 4.75% up to three years, interest fully subsidised.
     */
    public static MicrocreditTerms standard2016() {
        return new MicrocreditTerms(new BigDecimal("50000.00"), 36, 18, 65, new BigDecimal("0.0435"),
                new BigDecimal("0.0475"), BigDecimal.ONE);
    }

    /** The benchmark rate for a loan of {@code termMonths}. */
    public BigDecimal benchmarkRate(int termMonths) {
        return termMonths <= 12 ? oneYearRate : threeYearRate;
    }
}

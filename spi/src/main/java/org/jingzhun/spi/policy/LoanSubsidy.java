package org.jingzhun.spi.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The interest subsidy of one microloan over a period (单笔贷款贴息), as an {@link InterestSubsidyRule} computes it:
 * the subsidised days, the interest the contracted rate gives over them, and the subsidy as an explained amount.
 *
 * @param days     days of the period the loan was subsidised
 * @param interest interest at the contracted rate over those days, yuan, scale 2
 * @param amount   the subsidy, its explanation's parts adding up to it
 */
public record LoanSubsidy(String loanId, long days, BigDecimal interest, BenefitAmount amount) {
    public LoanSubsidy {
        Objects.requireNonNull(loanId, "loanId");
        Objects.requireNonNull(amount, "amount");
        if (days < 0) {
            throw new IllegalArgumentException("negative days " + days);
        }
        interest = Objects.requireNonNull(interest, "interest").setScale(2, RoundingMode.UNNECESSARY);
    }
}

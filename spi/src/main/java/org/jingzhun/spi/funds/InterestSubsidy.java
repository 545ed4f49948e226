package org.jingzhun.spi.funds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jingzhun.spi.policy.BenefitAmount;
import org.jingzhun.spi.policy.Explanation;

/**
 * The interest subsidy (贷款贴息) of a microcredit loan issued through the funds ledger for a period, as the policy
 * pack in force computes it (the pack is the only home of the subsidy's rates and day count), with the explanation
 * naming that pack and rule. The explanation's parts add up exactly to {@link #subsidy()}.
 *
 * @param from     first day of the period asked for
 * @param to       day after the last day of the period asked for
 * @param days     days of the period the loan was subsidised (after start, before maturity and before a default)
 * @param interest the interest the contracted rate gives over those days, yuan
 * @param amount   the part of it the county pays, as a benefit line of the pack's policy
 */
public record InterestSubsidy(String loanId, String householdId, LocalDate from, LocalDate to, long days,
        BigDecimal interest, BenefitAmount amount) {
    public InterestSubsidy {
        Objects.requireNonNull(loanId, "loanId");
        Objects.requireNonNull(amount, "amount");
        interest = Money.exact(interest);
    }

    /** The subsidy, yuan. */
    public BigDecimal subsidy() {
        return amount.amount();
    }

    /** How the pack computed it. */
    public Explanation explanation() {
        return amount.explanation();
    }
}

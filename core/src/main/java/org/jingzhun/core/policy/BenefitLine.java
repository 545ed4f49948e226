package org.jingzhun.core.policy;

import java.math.BigDecimal;
import java.util.Objects;
import org.jingzhun.spi.policy.BenefitAmount;

/**
 * One benefit policy evaluated for a household (政策享受项): the amount with its explanation, or the failure of the
 * rule. A zero amount's explanation says why the household does not qualify (不享受原因).
 *
 * @param amount  null when the rule failed
 * @param failure null when the rule produced an amount
 */
public record BenefitLine(String plugin, String pack, String policy, String title, BenefitAmount amount,
        RuleFailure failure) {
    public BenefitLine {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(title, "title");
        if ((amount == null) == (failure == null)) {
            throw new IllegalArgumentException("a benefit line has either an amount or a failure: " + policy);
        }
    }

    /** Whether the rule failed. */
    public boolean failed() {
        return failure != null;
    }

    /** Whether the household receives a positive amount. */
    public boolean enjoyed() {
        return amount != null && amount.amount().signum() > 0;
    }

    /** The amount, zero when the rule failed. */
    public BigDecimal value() {
        return amount == null ? BigDecimal.ZERO.setScale(2) : amount.amount();
    }
}

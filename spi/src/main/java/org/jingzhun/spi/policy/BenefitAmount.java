package org.jingzhun.spi.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What a household is entitled to under one policy in one year (享受政策金额), with the explanation whose parts add
 * up exactly to the amount. The constructor refuses an amount its parts do not add up to, so a benefit card can
 * never show lines that disagree with its total.
 *
 * @param policy stable policy id, e.g. {@code anhui.health.351}
 * @param title  the policy's name as printed, e.g. {@code 健康脱贫“351”兜底}
 * @param amount yuan, scale 2, never negative
 */
public record BenefitAmount(String policy, String title, BigDecimal amount, Explanation explanation) {
    public BenefitAmount {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(explanation, "explanation");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("Benefit " + policy + " is negative: " + amount);
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        if (!explanation.parts().isEmpty() && explanation.partsTotal().compareTo(amount) != 0) {
            throw new IllegalArgumentException("Benefit " + policy + " of " + amount + " does not equal its parts "
                    + explanation.partsTotal());
        }
    }

    /** An amount whose value is the sum of the explanation's parts. */
    public static BenefitAmount ofParts(String policy, String title, Explanation explanation) {
        return new BenefitAmount(policy, title, explanation.partsTotal(), explanation);
    }
}

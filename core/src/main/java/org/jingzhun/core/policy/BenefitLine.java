package org.jingzhun.core.policy;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jingzhun.spi.policy.BenefitAmount;
import org.jingzhun.spi.policy.Explanation;
import org.jingzhun.spi.policy.ExplanationPart;

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

    /**
     * The line with every text a rule wrote about the household (inputs, parts, result) passed through {@code text},
     * e.g. a masking profile; parameters are the pack's own and stay as they are.
     */
    public BenefitLine withTexts(UnaryOperator<String> text) {
        if (amount == null) {
            return this;
        }
        Explanation e = amount.explanation();
        Map<String, String> inputs = new LinkedHashMap<>();
        e.inputs().forEach((k, v) -> inputs.put(text.apply(k), text.apply(v)));
        List<ExplanationPart> parts = e.parts().stream().map(p -> new ExplanationPart(text.apply(p.label()),
                p.amount(), text.apply(p.basis()))).toList();
        return new BenefitLine(plugin, pack, policy, title, new BenefitAmount(amount.policy(), amount.title(),
                amount.amount(), new Explanation(e.pack(), e.rule(), e.parameters(), inputs, text.apply(e.result()),
                        parts)), null);
    }

    /** The amount, zero when the rule failed. */
    public BigDecimal value() {
        return amount == null ? BigDecimal.ZERO.setScale(2) : amount.amount();
    }
}

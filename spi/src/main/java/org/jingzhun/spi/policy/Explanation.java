package org.jingzhun.spi.policy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why a rule decided what it did (政策依据): which pack and rule, with which parameters and inputs, giving which
 * result, and for amounts the parts that add up to it. Every decision and amount carries one, so a benefit card can
 * be printed and a decision reproduced.
 *
 * @param pack       name of the policy pack
 * @param rule       rule id within the pack, e.g. {@code national.eligibility.income-line}
 * @param parameters the rule's parameters as used (e.g. {@code line=2855.00}), in a stable order
 * @param inputs     the facts it read (e.g. {@code perCapitaNetIncome=2800.00}), in a stable order
 * @param result     the outcome in words
 * @param parts      for amounts, the lines that add up to it; empty for yes/no decisions
 */
public record Explanation(String pack, String rule, Map<String, String> parameters, Map<String, String> inputs,
        String result, List<ExplanationPart> parts) {
    public Explanation {
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(result, "result");
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        inputs = inputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** Sum of the parts, scale 2 (zero when there are none). */
    public BigDecimal partsTotal() {
        return parts.stream().map(ExplanationPart::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}

package org.jingzhun.spi.policy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Why a rule decided what it did (政策依据): which pack and rule, with which parameters and inputs, giving which
 * result, and for amounts the parts that add up to it. Every decision and amount carries one, so a benefit card can
 * be printed and a decision reproduced.
 *
 * @param pack       name of the policy pack
 * @param rule       rule id within the pack, e.g. {@code national.eligibility.income-line}
 * <p>The order of parameters and inputs is defined: a map that keeps an order ({@link LinkedHashMap},
 * {@link SortedMap}, or another explanation's read-only map) is kept as given; any other map (e.g. {@code Map.of},
 * whose order changes between runs) is sorted by key, so the same decision always prints the same way.
 *
 * @param parameters the rule's parameters as used (e.g. {@code line=2855.00})
 * @param inputs     the facts it read (e.g. {@code perCapitaNetIncome=2800.00})
 * @param result     the outcome in words
 * @param parts      for amounts, the lines that add up to it; empty for yes/no decisions
 */
public record Explanation(String pack, String rule, Map<String, String> parameters, Map<String, String> inputs,
        String result, List<ExplanationPart> parts) {
    public Explanation {
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(result, "result");
        parameters = ordered(parameters);
        inputs = ordered(inputs);
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** The class of the read-only maps an explanation hands out, so a copied explanation keeps its order. */
    private static final Class<?> ORDERED_VIEW = Collections.unmodifiableMap(new LinkedHashMap<>()).getClass();

    private static Map<String, String> ordered(Map<String, String> m) {
        if (m == null || m.isEmpty()) {
            return Map.of();
        }
        boolean keepsOrder = m instanceof LinkedHashMap || m instanceof SortedMap || m.getClass() == ORDERED_VIEW;
        Map<String, String> copy = keepsOrder ? new LinkedHashMap<>(m) : new LinkedHashMap<>(new TreeMap<>(m));
        return Collections.unmodifiableMap(copy);
    }

    /** Sum of the parts, scale 2 (zero when there are none). */
    public BigDecimal partsTotal() {
        return parts.stream().map(ExplanationPart::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}

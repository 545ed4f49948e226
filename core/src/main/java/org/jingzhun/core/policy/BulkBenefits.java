package org.jingzhun.core.policy;

import java.util.List;
import java.util.Map;

/**
 * The benefit lines of many households (批量测算): each household's lines in the order asked, and every rule failure
 * met on the way, so one broken rule never stops the rest of a village's statements.
 */
public record BulkBenefits(Map<String, List<BenefitLine>> byHousehold, List<RuleFailure> failures) {
    public BulkBenefits {
        byHousehold = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byHousehold));
        failures = List.copyOf(failures);
    }
}

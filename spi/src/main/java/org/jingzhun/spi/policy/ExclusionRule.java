package org.jingzhun.spi.policy;

/**
 * Decides whether a household must not be registered whatever its income (排除条件). A positive decision means
 * excluded. Must be deterministic and side-effect free.
 */
@FunctionalInterface
public interface ExclusionRule {
    Decision evaluate(HouseholdFacts facts);
}

package org.jingzhun.spi.policy;

/**
 * Decides whether a household meets the exit criteria (户脱贫标准) in a year: typically a stable income above the
 * line and basic needs guaranteed. A positive decision means it may exit. Deterministic and side-effect free.
 */
@FunctionalInterface
public interface HouseholdExitRule {
    Decision evaluate(HouseholdFacts facts);
}

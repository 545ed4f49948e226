package org.jingzhun.spi.policy;

/**
 * Decides whether a household qualifies for identification as poor (识别标准): the income line of the year and the
 * basic needs (两不愁三保障). A positive decision means eligible. Must be deterministic and side-effect free.
 */
@FunctionalInterface
public interface EligibilityRule {
    Decision evaluate(HouseholdFacts facts);
}

package org.jingzhun.spi.policy;

/**
 * Computes what a household is entitled to under one policy in a year (政策享受测算), e.g. the health cap top-up or a
 * loan's interest subsidy. The amount may be zero; its explanation's parts add up to it. Deterministic and
 * side-effect free.
 */
public interface BenefitRule {
    /** Stable id of the policy, unique within the engine (a more specific pack's rule of the same id replaces it). */
    String policy();

    /** The policy's name as printed on a benefit card. */
    String title();

    BenefitAmount compute(HouseholdFacts facts);
}

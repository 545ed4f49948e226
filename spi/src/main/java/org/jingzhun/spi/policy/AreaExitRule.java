package org.jingzhun.spi.policy;

/**
 * Decides whether a village or county meets the exit criteria (贫困村出列、贫困县摘帽): incidence below the threshold
 * and, for villages, the extra indicators the pack requires. A positive decision means it may exit.
 */
@FunctionalInterface
public interface AreaExitRule {
    Decision evaluate(AreaFacts facts);
}

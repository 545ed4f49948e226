package org.jingzhun.spi.policy;

/**
 * Who becomes a monitored household (监测对象识别) and when its risk is cleared (风险消除). Deterministic and
 * side-effect free.
 */
public interface MonitoringRule {
    /** The category the household should be monitored under, or none. */
    MonitoringAssessment assess(HouseholdFacts facts);

    /** Whether a monitored household's risk is cleared; a positive decision means cleared. */
    Decision riskCleared(HouseholdFacts facts);
}

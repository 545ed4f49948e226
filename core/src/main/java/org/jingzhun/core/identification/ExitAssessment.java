package org.jingzhun.core.identification;

import org.jingzhun.spi.policy.Decision;

/** The year-end exit assessment of one household (年度脱贫评估): whether it meets the criteria, and why. */
public record ExitAssessment(String householdId, int year, Decision decision) {
}

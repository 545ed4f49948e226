package org.jingzhun.core.identification;

import java.util.List;

/**
 * Result of a year-end exit assessment of many households ({@link ExitWorkflow#startAll}): the cases opened for
 * households that meet the exit criteria, and the assessments of those that do not, each with its explanation.
 */
public record ExitStart(List<ExitCase> started, List<ExitAssessment> notMet) {
    public ExitStart {
        started = List.copyOf(started);
        notMet = List.copyOf(notMet);
    }
}

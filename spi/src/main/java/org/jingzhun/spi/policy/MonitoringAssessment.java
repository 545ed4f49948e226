package org.jingzhun.spi.policy;

import java.util.Objects;

/**
 * The outcome of a monitoring rule for a household (监测研判): the category it should be monitored under, or
 * {@code null} when it need not be, with the explanation either way.
 */
public record MonitoringAssessment(MonitoringCategory category, Explanation explanation) {
    public MonitoringAssessment {
        Objects.requireNonNull(explanation, "explanation");
    }

    /** Whether the household should be monitored. */
    public boolean flagged() {
        return category != null;
    }
}

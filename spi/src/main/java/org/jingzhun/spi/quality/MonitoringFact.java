package org.jingzhun.spi.quality;

import java.time.LocalDate;
import java.util.Objects;
import org.jingzhun.spi.policy.MonitoringCategory;

/**
 * One monitoring record of a household (监测记录) as data-quality rules see it.
 *
 * @param id           the record's id in the host
 * @param identifiedOn the day the household was identified as monitored
 * @param clearedOn    the day its risk was cleared (风险消除), or null while monitored
 */
public record MonitoringFact(String id, MonitoringCategory category, LocalDate identifiedOn, LocalDate clearedOn) {
    public MonitoringFact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(identifiedOn, "identifiedOn");
    }

    /** Whether the risk was cleared. */
    public boolean cleared() {
        return clearedOn != null;
    }
}

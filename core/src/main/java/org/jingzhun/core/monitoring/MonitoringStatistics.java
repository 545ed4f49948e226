package org.jingzhun.core.monitoring;

import java.util.Map;
import org.jingzhun.spi.policy.MonitoringCategory;
import org.jingzhun.spi.region.RegionCode;

/**
 * Monitoring figures of an area (监测对象统计): households under monitoring and with risk cleared, by category, and
 * the cases still in the procedure, by stage and by where their lead came from.
 */
public record MonitoringStatistics(RegionCode area, Map<MonitoringCategory, Long> monitored,
        Map<MonitoringCategory, Long> cleared, Map<MonitoringStage, Long> casesByStage,
        Map<LeadKind, Long> casesByLead) {
    public MonitoringStatistics {
        monitored = Map.copyOf(monitored);
        cleared = Map.copyOf(cleared);
        casesByStage = Map.copyOf(casesByStage);
        casesByLead = Map.copyOf(casesByLead);
    }

    /** Households under monitoring, all categories. */
    public long monitoredTotal() {
        return monitored.values().stream().mapToLong(Long::longValue).sum();
    }
}

package org.jingzhun.core.monitoring;

import java.time.LocalDate;
import org.jingzhun.spi.policy.Decision;
import org.jingzhun.spi.policy.MonitoringCategory;
import org.jingzhun.spi.region.RegionCode;

/**
 * A monitored household (监测对象): the category and the explanation of why it was flagged, and once cleared the
 * decision and reason that cleared its risk (风险消除).
 *
 * @param id {@code <householdId>.<year>} when flagged by the yearly rule batch, the monitoring case id when the
 *           county decided it in the monitoring procedure
 */
public record MonitoringRecord(String id, String householdId, RegionCode region, int year,
        MonitoringCategory category, MonitoringStatus status, LocalDate flaggedOn,
        org.jingzhun.spi.policy.Explanation why, LocalDate clearedOn, Decision clearance, String clearedReason) {
}

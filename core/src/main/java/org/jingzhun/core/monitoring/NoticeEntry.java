package org.jingzhun.core.monitoring;

import org.jingzhun.spi.policy.MonitoringCategory;

/**
 * One line of a monitoring notice (监测对象公示): the head's name, village, category and reason, as the public-notice
 * masking profile lets them out (no citizen ID, phone, bank account or health condition).
 */
public record NoticeEntry(String caseId, String headName, String village, MonitoringCategory category,
        String reason) {
}

package org.jingzhun.core.monitoring;

/** Whether a monitored household is still at risk (监测中) or its risk was cleared (风险已消除). */
public enum MonitoringStatus {
    MONITORED,
    RISK_CLEARED
}

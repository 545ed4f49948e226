package org.jingzhun.core.monitoring;

import org.jingzhun.core.procedure.CaseStage;

/**
 * Where a monitoring case stands (监测对象识别及帮扶环节): lead, verified by the village, on notice, checked by the
 * township, monitored (county decided), risk cleared; or dismissed. RISK_CLEARED and DISMISSED are final.
 */
public enum MonitoringStage implements CaseStage {
    LEAD("1", "线索待核实"),
    VERIFIED("2", "村级核实拟纳入"),
    NOTICE("3", "村内公示"),
    TOWNSHIP_CHECKED("4", "乡镇审核"),
    MONITORED("5", "县级确定为监测对象"),
    RISK_CLEARED("6", "风险已消除"),
    DISMISSED("9", "不予纳入");

    private final String code;
    private final String label;

    MonitoringStage(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public boolean terminal() {
        return this == RISK_CLEARED || this == DISMISSED;
    }

    /** Whether the county has not decided yet (the stages the decision deadline applies to). */
    public boolean beforeDecision() {
        return ordinal() < MONITORED.ordinal();
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }
}

package org.jingzhun.core.monitoring;

import java.util.EnumSet;
import java.util.Set;
import org.jingzhun.core.procedure.CaseAction;
import org.jingzhun.core.procedure.Transition;

/**
 * The steps of the monitoring procedure (防止返贫动态监测程序) as a state machine: lead → village verification →
 * notice (an objection sends it back to verification) → township check → county decision → assistance plan and
 * paired cadre → risk clearance. Verification, township and county may each dismiss the lead.
 */
public enum MonitoringAction implements CaseAction<MonitoringStage> {
    REPORT(EnumSet.noneOf(MonitoringStage.class), MonitoringStage.LEAD, "线索登记"),
    VERIFY(EnumSet.of(MonitoringStage.LEAD), MonitoringStage.VERIFIED, "村级核实拟纳入"),
    VERIFY_DISMISS(EnumSet.of(MonitoringStage.LEAD), MonitoringStage.DISMISSED, "核实不符合条件"),
    OPEN_NOTICE(EnumSet.of(MonitoringStage.VERIFIED), MonitoringStage.NOTICE, "村内公示"),
    OBJECT(EnumSet.of(MonitoringStage.NOTICE), MonitoringStage.LEAD, "公示异议(退回核实)"),
    TOWNSHIP_PASS(EnumSet.of(MonitoringStage.NOTICE), MonitoringStage.TOWNSHIP_CHECKED, "乡镇审核通过"),
    TOWNSHIP_DISMISS(EnumSet.of(MonitoringStage.NOTICE), MonitoringStage.DISMISSED, "乡镇审核未通过"),
    COUNTY_DECIDE(EnumSet.of(MonitoringStage.TOWNSHIP_CHECKED), MonitoringStage.MONITORED, "县级确定监测对象"),
    COUNTY_DISMISS(EnumSet.of(MonitoringStage.TOWNSHIP_CHECKED), MonitoringStage.DISMISSED, "县级不予纳入"),
    ASSIST(EnumSet.of(MonitoringStage.MONITORED), MonitoringStage.MONITORED, "落实帮扶措施和帮扶干部"),
    CLEAR(EnumSet.of(MonitoringStage.MONITORED), MonitoringStage.RISK_CLEARED, "风险消除");

    private final Transition<MonitoringStage> transition;

    MonitoringAction(Set<MonitoringStage> from, MonitoringStage to, String label) {
        this.transition = new Transition<>(from, to, label);
    }

    @Override
    public Transition<MonitoringStage> transition() {
        return transition;
    }
}

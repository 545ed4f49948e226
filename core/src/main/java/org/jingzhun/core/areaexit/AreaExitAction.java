package org.jingzhun.core.areaexit;

import java.util.EnumSet;
import java.util.Set;
import org.jingzhun.core.procedure.CaseAction;
import org.jingzhun.core.procedure.Transition;

/**
 * The steps of village exit (贫困村出列: application, township check, notice, county approval) and county exit
 * (贫困县摘帽: application, prefecture check, province verification, state spot check) as one state machine; which
 * path a case takes follows from the level of its area.
 */
public enum AreaExitAction implements CaseAction<AreaExitStage> {
    APPLY(EnumSet.noneOf(AreaExitStage.class), AreaExitStage.APPLIED, "申请退出"),
    TOWNSHIP_PASS(EnumSet.of(AreaExitStage.APPLIED), AreaExitStage.TOWNSHIP_CHECKED, "乡镇初审通过"),
    OPEN_NOTICE(EnumSet.of(AreaExitStage.TOWNSHIP_CHECKED), AreaExitStage.NOTICE, "公示"),
    OBJECT(EnumSet.of(AreaExitStage.NOTICE), AreaExitStage.APPLIED, "公示异议(退回初审)"),
    COUNTY_APPROVE(EnumSet.of(AreaExitStage.NOTICE), AreaExitStage.EXITED, "县级批准出列"),
    PREFECTURE_PASS(EnumSet.of(AreaExitStage.APPLIED), AreaExitStage.PREFECTURE_CHECKED, "市级初审通过"),
    PROVINCE_PASS(EnumSet.of(AreaExitStage.PREFECTURE_CHECKED), AreaExitStage.PROVINCE_VERIFIED, "省级核查通过"),
    STATE_PASS(EnumSet.of(AreaExitStage.PROVINCE_VERIFIED), AreaExitStage.EXITED, "国家抽查通过(或未抽中)，批准摘帽"),
    REJECT(EnumSet.of(AreaExitStage.APPLIED, AreaExitStage.TOWNSHIP_CHECKED, AreaExitStage.NOTICE,
            AreaExitStage.PREFECTURE_CHECKED, AreaExitStage.PROVINCE_VERIFIED), AreaExitStage.REJECTED, "不予退出");

    private final Transition<AreaExitStage> transition;

    AreaExitAction(Set<AreaExitStage> from, AreaExitStage to, String label) {
        this.transition = new Transition<>(from, to, label);
    }

    @Override
    public Transition<AreaExitStage> transition() {
        return transition;
    }
}

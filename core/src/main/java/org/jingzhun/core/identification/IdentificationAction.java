package org.jingzhun.core.identification;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jingzhun.core.procedure.Transition;
import org.jingzhun.spi.error.WorkflowException;

/**
 * The steps of the entry procedure (识别程序) as a state machine: each action is legal from some stages and leads to
 * one. Objections during either notice send the case back to village review. {@link #replay} folds a recorded step
 * list back into the stage it leads to, so a case's history always explains its current stage.
 */
public enum IdentificationAction implements org.jingzhun.core.procedure.CaseAction<IdentificationStage> {
    APPLY(EnumSet.noneOf(IdentificationStage.class), IdentificationStage.APPLIED, "申请"),
    VILLAGE_PASS(EnumSet.of(IdentificationStage.APPLIED), IdentificationStage.VILLAGE_REVIEWED, "村级评议通过"),
    VILLAGE_FAIL(EnumSet.of(IdentificationStage.APPLIED), IdentificationStage.REJECTED, "村级评议未通过"),
    OPEN_FIRST_NOTICE(EnumSet.of(IdentificationStage.VILLAGE_REVIEWED), IdentificationStage.FIRST_NOTICE, "第一次公示"),
    OBJECT(EnumSet.of(IdentificationStage.FIRST_NOTICE, IdentificationStage.SECOND_NOTICE),
            IdentificationStage.APPLIED, "公示异议(退回评议)"),
    TOWNSHIP_PASS(EnumSet.of(IdentificationStage.FIRST_NOTICE), IdentificationStage.TOWNSHIP_REVIEWED, "乡镇审核通过"),
    TOWNSHIP_FAIL(EnumSet.of(IdentificationStage.FIRST_NOTICE), IdentificationStage.REJECTED, "乡镇审核未通过"),
    OPEN_SECOND_NOTICE(EnumSet.of(IdentificationStage.TOWNSHIP_REVIEWED), IdentificationStage.SECOND_NOTICE,
            "第二次公示"),
    COUNTY_APPROVE(EnumSet.of(IdentificationStage.SECOND_NOTICE), IdentificationStage.APPROVED, "县级审批公告"),
    COUNTY_REJECT(EnumSet.of(IdentificationStage.SECOND_NOTICE), IdentificationStage.REJECTED, "县级不予批准"),
    REGISTER(EnumSet.of(IdentificationStage.APPROVED), IdentificationStage.REGISTERED, "建档立卡"),
    WITHDRAW(EnumSet.of(IdentificationStage.APPLIED, IdentificationStage.VILLAGE_REVIEWED,
            IdentificationStage.FIRST_NOTICE, IdentificationStage.TOWNSHIP_REVIEWED,
            IdentificationStage.SECOND_NOTICE), IdentificationStage.WITHDRAWN, "撤回");

    private final Transition<IdentificationStage> transition;

    IdentificationAction(Set<IdentificationStage> from, IdentificationStage to, String label) {
        this.transition = new Transition<>(from, to, label);
    }

    @Override
    public Transition<IdentificationStage> transition() {
        return transition;
    }

    /** The stage after this action, or a {@link WorkflowException} naming the illegal step. */
    public IdentificationStage apply(String caseId, IdentificationStage stage) {
        if (!allowedFrom(stage)) {
            throw new WorkflowException("workflow.illegal_step", "identification case", caseId, label(),
                    stage == null ? "(none)" : stage.label());
        }
        return to();
    }

    /** The stage a list of steps leads to, checking every transition. */
    public static IdentificationStage replay(String caseId, List<WorkflowStep> steps) {
        IdentificationStage stage = null;
        for (WorkflowStep s : steps) {
            stage = valueOf(s.action()).apply(caseId, stage);
        }
        return stage;
    }
}

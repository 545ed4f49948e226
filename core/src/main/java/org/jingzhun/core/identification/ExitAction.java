package org.jingzhun.core.identification;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jingzhun.core.procedure.Transition;
import org.jingzhun.spi.error.WorkflowException;

/**
 * The steps of the household exit procedure (贫困户退出程序) as a state machine: assessment → village review →
 * the household's confirmation (拟退出户认可; declining sends it back to assessment) → notice (an objection sends
 * it back to assessment) → announcement → delisting (销号). {@link #replay} folds recorded steps into the stage
 * they lead to.
 */
public enum ExitAction implements org.jingzhun.core.procedure.CaseAction<ExitStage> {
    ASSESS(EnumSet.noneOf(ExitStage.class), ExitStage.ASSESSED, "达标评估"),
    VILLAGE_PASS(EnumSet.of(ExitStage.ASSESSED), ExitStage.VILLAGE_REVIEWED, "村级评议通过"),
    VILLAGE_FAIL(EnumSet.of(ExitStage.ASSESSED), ExitStage.CANCELLED, "村级评议未通过"),
    CONFIRM(EnumSet.of(ExitStage.VILLAGE_REVIEWED), ExitStage.CONFIRMED, "拟退出户认可"),
    DECLINE(EnumSet.of(ExitStage.VILLAGE_REVIEWED), ExitStage.ASSESSED, "农户不认可(退回评议)"),
    OPEN_NOTICE(EnumSet.of(ExitStage.CONFIRMED), ExitStage.NOTICE, "村内公示"),
    OBJECT(EnumSet.of(ExitStage.NOTICE), ExitStage.ASSESSED, "公示异议(退回评议)"),
    ANNOUNCE(EnumSet.of(ExitStage.NOTICE), ExitStage.ANNOUNCED, "公告"),
    DELIST(EnumSet.of(ExitStage.ANNOUNCED), ExitStage.EXITED, "脱贫销号"),
    CANCEL(EnumSet.of(ExitStage.ASSESSED, ExitStage.VILLAGE_REVIEWED, ExitStage.CONFIRMED, ExitStage.NOTICE),
            ExitStage.CANCELLED,
            "终止退出");

    private final Transition<ExitStage> transition;

    ExitAction(Set<ExitStage> from, ExitStage to, String label) {
        this.transition = new Transition<>(from, to, label);
    }

    @Override
    public Transition<ExitStage> transition() {
        return transition;
    }

    public ExitStage apply(String caseId, ExitStage stage) {
        if (!allowedFrom(stage)) {
            throw new WorkflowException("workflow.illegal_step", "exit case", caseId, label(),
                    stage == null ? "(none)" : stage.label());
        }
        return to();
    }

    public static ExitStage replay(String caseId, List<WorkflowStep> steps) {
        ExitStage stage = null;
        for (WorkflowStep s : steps) {
            stage = valueOf(s.action()).apply(caseId, stage);
        }
        return stage;
    }
}

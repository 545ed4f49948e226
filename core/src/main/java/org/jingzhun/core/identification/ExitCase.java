package org.jingzhun.core.identification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jingzhun.core.procedure.ProcedureCase;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.policy.Decision;
import org.jingzhun.spi.region.RegionCode;

/**
 * A household's exit case (脱贫退出): the assessment that it meets the exit criteria, the signed steps of the
 * procedure, objections, who in the household confirmed the exit (拟退出户认可), and the status it had before
 * (restored if the exit is cancelled).
 *
 * @param confirmedBy the household member who signed the confirmation, {@code null} until confirmed
 */
public record ExitCase(String id, String householdId, RegionCode region, int year, ExitStage stage,
        LocalDate noticeOpenedOn, Decision assessment, PovertyStatus previousStatus, List<Objection> objections,
        List<WorkflowStep> steps, String confirmedBy) implements ProcedureCase<ExitStage> {
    public ExitCase {
        objections = objections == null ? List.of() : List.copyOf(objections);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    ExitCase with(ExitStage s, LocalDate notice, WorkflowStep step) {
        List<WorkflowStep> all = new ArrayList<>(steps);
        all.add(step);
        return new ExitCase(id, householdId, region, year, s, notice, assessment, previousStatus, objections, all,
                confirmedBy);
    }

    ExitCase withObjection(Objection o) {
        List<Objection> all = new ArrayList<>(objections);
        all.add(o);
        return new ExitCase(id, householdId, region, year, stage, noticeOpenedOn, assessment, previousStatus, all,
                steps, confirmedBy);
    }

    ExitCase withConfirmation(String by) {
        return new ExitCase(id, householdId, region, year, stage, noticeOpenedOn, assessment, previousStatus,
                objections, steps, by);
    }
}

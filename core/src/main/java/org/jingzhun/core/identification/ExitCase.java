package org.jingzhun.core.identification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.policy.Decision;
import org.jingzhun.spi.region.RegionCode;

/**
 * A household's exit case (脱贫退出): the assessment that it meets the exit criteria, the signed steps of the
 * procedure, objections, and the status it had before (restored if the exit is cancelled).
 */
public record ExitCase(String id, String householdId, RegionCode region, int year, ExitStage stage,
        LocalDate noticeOpenedOn, Decision assessment, PovertyStatus previousStatus, List<Objection> objections,
        List<WorkflowStep> steps) {
    public ExitCase {
        objections = objections == null ? List.of() : List.copyOf(objections);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    ExitCase with(ExitStage s, LocalDate notice, WorkflowStep step) {
        List<WorkflowStep> all = new ArrayList<>(steps);
        all.add(step);
        return new ExitCase(id, householdId, region, year, s, notice, assessment, previousStatus, objections, all);
    }

    ExitCase withObjection(Objection o) {
        List<Objection> all = new ArrayList<>(objections);
        all.add(o);
        return new ExitCase(id, householdId, region, year, stage, noticeOpenedOn, assessment, previousStatus, all,
                steps);
    }
}

package org.jingzhun.core.areaexit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jingzhun.core.identification.Objection;
import org.jingzhun.core.identification.WorkflowStep;
import org.jingzhun.core.procedure.ProcedureCase;
import org.jingzhun.spi.policy.AreaFacts;
import org.jingzhun.spi.policy.Decision;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;

/**
 * A village's exit (贫困村出列) or a county's exit (贫困县摘帽): the facts and the policy decision it was applied on
 * (incidence under the threshold and, for villages, the pack's indicators), the state's spot-check result for
 * counties, objections and the signed steps.
 *
 * @param spotChecked for counties: whether the state's spot check (国家抽查) sampled it; {@code null} before
 */
public record AreaExitCase(String id, RegionCode region, RegionLevel level, int year, AreaExitStage stage,
        LocalDate noticeOpenedOn, AreaFacts facts, Decision decision, Boolean spotChecked,
        List<Objection> objections, List<WorkflowStep> steps) implements ProcedureCase<AreaExitStage> {
    public AreaExitCase {
        objections = objections == null ? List.of() : List.copyOf(objections);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    AreaExitCase with(AreaExitStage s, LocalDate notice, WorkflowStep step) {
        List<WorkflowStep> all = new ArrayList<>(steps);
        all.add(step);
        return new AreaExitCase(id, region, level, year, s, notice, facts, decision, spotChecked, objections, all);
    }

    AreaExitCase withObjection(Objection o) {
        List<Objection> all = new ArrayList<>(objections);
        all.add(o);
        return new AreaExitCase(id, region, level, year, stage, noticeOpenedOn, facts, decision, spotChecked, all,
                steps);
    }

    AreaExitCase spotCheck(boolean sampled) {
        return new AreaExitCase(id, region, level, year, stage, noticeOpenedOn, facts, decision, sampled, objections,
                steps);
    }
}

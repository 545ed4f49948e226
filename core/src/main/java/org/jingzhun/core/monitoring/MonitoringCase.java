package org.jingzhun.core.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jingzhun.core.identification.Objection;
import org.jingzhun.core.identification.WorkflowStep;
import org.jingzhun.core.procedure.ProcedureCase;
import org.jingzhun.spi.policy.Decision;
import org.jingzhun.spi.policy.MonitoringAssessment;
import org.jingzhun.spi.policy.MonitoringCategory;
import org.jingzhun.spi.region.RegionCode;

/**
 * A household going through the monitoring procedure (监测对象识别及帮扶): where the lead came from, the category the
 * village proposed, the monitoring rule's view of it, the assistance plan and paired cadre, the clearance decision,
 * objections and the signed steps (its history).
 *
 * @param source         the sector source's name for sector leads, else the reporting person or cadre
 * @param lead           what the lead says (may hold personal detail: masked on reads for principals without
 *                       VIEW_PERSONAL_DATA, never on a notice)
 * @param category       proposed at verification, {@code null} before
 * @param ruleView       the monitoring rule's assessment at verification (advisory), {@code null} before
 * @param decidedOn      day the county decided, {@code null} before
 * @param clearance      the rule's risk-cleared decision at clearance, {@code null} before
 */
public record MonitoringCase(String id, String householdId, RegionCode region, int year, LeadKind kind,
        String source, String lead, LocalDate leadOn, MonitoringCategory category, MonitoringAssessment ruleView,
        MonitoringStage stage, LocalDate noticeOpenedOn, LocalDate decidedOn, AssistancePlan plan,
        Decision clearance, LocalDate clearedOn, List<Objection> objections, List<WorkflowStep> steps)
        implements ProcedureCase<MonitoringStage> {
    public MonitoringCase {
        objections = objections == null ? List.of() : List.copyOf(objections);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    MonitoringCase with(MonitoringStage s, LocalDate notice, WorkflowStep step) {
        List<WorkflowStep> all = new ArrayList<>(steps);
        all.add(step);
        return new MonitoringCase(id, householdId, region, year, kind, source, lead, leadOn, category, ruleView, s,
                notice, decidedOn, plan, clearance, clearedOn, objections, all);
    }

    MonitoringCase proposed(MonitoringCategory c, MonitoringAssessment view) {
        return new MonitoringCase(id, householdId, region, year, kind, source, lead, leadOn, c, view, stage,
                noticeOpenedOn, decidedOn, plan, clearance, clearedOn, objections, steps);
    }

    MonitoringCase withObjection(Objection o) {
        List<Objection> all = new ArrayList<>(objections);
        all.add(o);
        return new MonitoringCase(id, householdId, region, year, kind, source, lead, leadOn, category, ruleView,
                stage, noticeOpenedOn, decidedOn, plan, clearance, clearedOn, all, steps);
    }

    MonitoringCase decided(LocalDate on) {
        return new MonitoringCase(id, householdId, region, year, kind, source, lead, leadOn, category, ruleView,
                stage, noticeOpenedOn, on, plan, clearance, clearedOn, objections, steps);
    }

    MonitoringCase withPlan(AssistancePlan p) {
        return new MonitoringCase(id, householdId, region, year, kind, source, lead, leadOn, category, ruleView,
                stage, noticeOpenedOn, decidedOn, p, clearance, clearedOn, objections, steps);
    }

    MonitoringCase cleared(Decision d, LocalDate on) {
        return new MonitoringCase(id, householdId, region, year, kind, source, lead, leadOn, category, ruleView,
                stage, noticeOpenedOn, decidedOn, plan, d, on, objections, steps);
    }

    MonitoringCase withLead(String text) {
        return new MonitoringCase(id, householdId, region, year, kind, source, text, leadOn, category, ruleView,
                stage, noticeOpenedOn, decidedOn, plan, clearance, clearedOn, objections, steps);
    }
}

package org.jingzhun.core.identification;

import java.time.LocalDate;
import java.util.List;
import org.jingzhun.core.crosscheck.CrossCheckFinding;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.policy.Decision;
import org.jingzhun.spi.region.RegionCode;

/**
 * An application for registration as a poor household (贫困户识别申请) going through the entry procedure. It carries
 * the proposed card, the income declared for the year, the policy decisions taken on them, cross-check findings,
 * objections and the signed steps; once registered it names the household created.
 *
 * @param noticeOpenedOn day the current public notice opened, {@code null} outside notices
 * @param exclusion      exclusion decision, {@code null} when no pack decides exclusions
 * @param householdId    id of the registered household once {@link IdentificationStage#REGISTERED}
 */
public record IdentificationCase(
        String id,
        int year,
        RegionCode region,
        Household applicant,
        IncomeStatement income,
        IdentificationStage stage,
        LocalDate noticeOpenedOn,
        VillageVote lastVote,
        Decision eligibility,
        Decision exclusion,
        List<CrossCheckFinding> findings,
        List<Objection> objections,
        List<WorkflowStep> steps,
        String householdId) implements org.jingzhun.core.procedure.ProcedureCase<IdentificationStage> {

    public IdentificationCase {
        findings = findings == null ? List.of() : List.copyOf(findings);
        objections = objections == null ? List.of() : List.copyOf(objections);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** Findings not yet cleared by a reviewer. */
    public List<CrossCheckFinding> openFindings() {
        return findings.stream().filter(f -> !f.cleared()).toList();
    }

    IdentificationCase with(IdentificationStage s, LocalDate notice, WorkflowStep step) {
        List<WorkflowStep> all = new java.util.ArrayList<>(steps);
        all.add(step);
        return new IdentificationCase(id, year, region, applicant, income, s, notice, lastVote, eligibility,
                exclusion, findings, objections, all, householdId);
    }

    IdentificationCase withVote(VillageVote v) {
        return new IdentificationCase(id, year, region, applicant, income, stage, noticeOpenedOn, v, eligibility,
                exclusion, findings, objections, steps, householdId);
    }

    IdentificationCase withObjection(Objection o) {
        List<Objection> all = new java.util.ArrayList<>(objections);
        all.add(o);
        return new IdentificationCase(id, year, region, applicant, income, stage, noticeOpenedOn, lastVote,
                eligibility, exclusion, findings, all, steps, householdId);
    }

    IdentificationCase withFindings(List<CrossCheckFinding> f) {
        return new IdentificationCase(id, year, region, applicant, income, stage, noticeOpenedOn, lastVote,
                eligibility, exclusion, f, objections, steps, householdId);
    }

    IdentificationCase withHousehold(String hid) {
        return new IdentificationCase(id, year, region, applicant, income, stage, noticeOpenedOn, lastVote,
                eligibility, exclusion, findings, objections, steps, hid);
    }
}

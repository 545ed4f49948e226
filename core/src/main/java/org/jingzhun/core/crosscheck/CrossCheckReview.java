package org.jingzhun.core.crosscheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jingzhun.core.identification.WorkflowStep;
import org.jingzhun.core.procedure.ProcedureCase;
import org.jingzhun.spi.policy.ExclusionFactor;
import org.jingzhun.spi.region.RegionCode;

/**
 * A registered household's cross-check review (年度数据比对复核): the hits the yearly scan found on its members, the
 * exclusion factors they point to (vehicle, commercial housing, business, public employee, other), and its signed
 * steps. Confirming records the factors in the household's supplementary facts of the year, so the exclusion rule
 * sees them; the household is then removed with {@code adjustments().removeWrongRegistration}.
 */
public record CrossCheckReview(String id, String householdId, RegionCode region, int year,
        List<CrossCheckFinding> findings, Set<ExclusionFactor> factors, ReviewStage stage, List<WorkflowStep> steps)
        implements ProcedureCase<ReviewStage> {
    public CrossCheckReview {
        findings = List.copyOf(findings);
        factors = Set.copyOf(factors);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    CrossCheckReview with(ReviewStage s, List<CrossCheckFinding> f, WorkflowStep step) {
        List<WorkflowStep> all = new ArrayList<>(steps);
        all.add(step);
        return new CrossCheckReview(id, householdId, region, year, f, factors, s, all);
    }

    CrossCheckReview withFindings(List<CrossCheckFinding> f) {
        return new CrossCheckReview(id, householdId, region, year, f, factors, stage, steps);
    }
}

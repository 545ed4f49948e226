package org.jingzhun.core.areaexit;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.identification.Objection;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.policy.PolicyEngine;
import org.jingzhun.core.policy.PolicyService;
import org.jingzhun.core.internal.CaseEngine;
import org.jingzhun.core.procedure.OverdueCase;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.policy.AreaFacts;
import org.jingzhun.spi.policy.Decision;
import org.jingzhun.spi.policy.VillageIndicators;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;

/**
 * Village exit (贫困村出列) and county exit (贫困县摘帽) as procedures on the shared {@code CaseEngine}. An application
 * is accepted only when the policy pack's area exit rule says the area may exit (incidence under 2%, or the higher
 * threshold of the pack's western provinces; for villages also the pack's indicators). A village then goes through
 * the township's check, a notice (at least the policy's area notice days) and the county's approval, which removes
 * its poor-village designation; a county goes through the prefecture's check, the province's verification and the
 * state's spot check (about a fifth of counties are sampled; an unsampled county passes). Each step needs the level
 * that takes it, is signed, dated and audited under {@code area-exit-case}; a failed check rejects the case.
 *
 * <p>The region tree has no national level, so the state's spot-check result is entered by a province-level
 * principal.
 */
public final class AreaExitWorkflow {
    /** Document and audit kind of area exit cases. */
    public static final String KIND = "area-exit-case";
    private static final Set<AreaExitAction> VILLAGE_PATH = EnumSet.of(AreaExitAction.TOWNSHIP_PASS,
            AreaExitAction.OPEN_NOTICE, AreaExitAction.OBJECT, AreaExitAction.COUNTY_APPROVE);
    private static final Set<AreaExitAction> COUNTY_PATH = EnumSet.of(AreaExitAction.PREFECTURE_PASS,
            AreaExitAction.PROVINCE_PASS, AreaExitAction.STATE_PASS);

    private final CoreContext ctx;
    private final PolicyEngine engine;
    private final PolicyService policies;
    private final CaseEngine<AreaExitCase, AreaExitStage, AreaExitAction> cases;

    public AreaExitWorkflow(CoreContext ctx, PolicyEngine engine, PolicyService policies) {
        this.ctx = ctx;
        this.engine = engine;
        this.policies = policies;
        this.cases = new CaseEngine<>(ctx, KIND, "area exit case", AreaExitCase.class, AreaExitAction.class,
                AreaExitCase::year, c -> c.region().value());
    }

    /**
     * A designated poor village (by its village or township) or a county (by the county) applies to exit for
     * {@code year}. Refused unless the area exit rule in force says it may, or while the area has an open case.
     *
     * @param indicators the village's indicators (collective income, road, water, clinic, broadband); {@code null}
     *                   for counties
     */
    public AreaExitCase apply(Principal principal, RegionCode area, int year, VillageIndicators indicators,
            String note) {
        RegionLevel level = area.level();
        if (level != RegionLevel.VILLAGE && level != RegionLevel.COUNTY) {
            throw new WorkflowException("workflow.area_level", area, level.label());
        }
        if (level == RegionLevel.COUNTY) {
            cases.requireLevel(principal, AreaExitAction.APPLY, RegionLevel.COUNTY);
        }
        ctx.guard().require(principal, Permission.WRITE, area, AreaExitAction.APPLY.label());
        AreaFacts facts = policies.areaFacts(principal, area, year, indicators);
        Decision decision = engine.areaExit(facts);
        if (!decision.positive()) {
            throw new WorkflowException("workflow.area_exit_not_met", area, decision.explanation().result());
        }
        return ctx.write(principal, w -> {
            Region region = w.tx().regions().find(area)
                    .orElseThrow(() -> new NotFoundException("case.not_found", "region", area));
            if (level == RegionLevel.VILLAGE && !region.poor()) {
                throw new WorkflowException("workflow.area_not_poor", area, region.name());
            }
            for (Versioned<AreaExitCase> other : cases.store().bySubject(w.tx(), area.countyCode(), area.value())) {
                if (!other.value().stage().terminal() || other.value().stage() == AreaExitStage.EXITED) {
                    throw new WorkflowException("workflow.area_case_open", area, other.value().id(),
                            other.value().stage().label());
                }
            }
            String id = cases.newIds(w.tx(), area, 1).get(0);
            AreaExitCase c = new AreaExitCase(id, area, level, year, AreaExitStage.APPLIED, null, facts, decision,
                    null, List.of(), List.of(cases.sign(principal, AreaExitAction.APPLY, null, note)));
            cases.store().save(w.tx(), c, 0);
            cases.auditOpen(w, c, note);
            return c;
        });
    }

    /** The township's check of a village's application (乡镇初审); failing rejects it with a reason. */
    public AreaExitCase townshipCheck(Principal principal, String caseId, boolean pass, String note) {
        return check(principal, caseId, AreaExitAction.TOWNSHIP_PASS, RegionLevel.TOWNSHIP, pass, note);
    }

    /** Opens the notice of a village's exit (出列公示). */
    public AreaExitCase openNotice(Principal principal, String caseId, String note) {
        return step(principal, caseId, AreaExitAction.OPEN_NOTICE, Permission.WRITE, null, note, (c, t) -> c);
    }

    /** An objection during the notice sends the village back to the township's check; the objection is kept. */
    public AreaExitCase object(Principal principal, String caseId, String raisedBy, String text) {
        CaseEngine.requireReason(text, "objection");
        return step(principal, caseId, AreaExitAction.OBJECT, Permission.WRITE, null, text,
                (c, today) -> c.withObjection(new Objection(today, c.stage().name(), raisedBy, text)));
    }

    /**
     * The county approves a village's exit (县级批准出列) after its notice ran its days; the village loses its
     * poor-village designation in the region directory, audited.
     */
    public AreaExitCase countyApprove(Principal principal, String caseId, String note) {
        return ctx.write(principal, w -> {
            AreaExitCase done = cases.stepIn(w, List.of(caseId), new CaseEngine.Step<>(AreaExitAction.COUNTY_APPROVE,
                    Permission.APPROVE, RegionLevel.COUNTY, note, (c, today) -> {
                        onPath(c, AreaExitAction.COUNTY_APPROVE);
                        cases.requireNoticeRan(c.id(), c.noticeOpenedOn(),
                                engine.terms(c.region(), c.noticeOpenedOn()).areaNoticeDays(), today);
                        return c;
                    }), this::advance).get(0).after();
            Region before = w.tx().regions().find(done.region())
                    .orElseThrow(() -> new NotFoundException("case.not_found", "region", done.region()));
            Region after = new Region(before.code(), before.name(), before.ruralPopulation(), false);
            w.tx().regions().save(after);
            w.audit("region", after.code().value(), after.code(), "amend", "贫困村出列 area exit case " + caseId,
                    before, after);
            return done;
        });
    }

    /** The prefecture's check of a county's application (市级初审); failing rejects it with a reason. */
    public AreaExitCase prefectureCheck(Principal principal, String caseId, boolean pass, String note) {
        return check(principal, caseId, AreaExitAction.PREFECTURE_PASS, RegionLevel.PREFECTURE, pass, note);
    }

    /** The province's verification (省级核查); failing rejects it with a reason. */
    public AreaExitCase provinceVerify(Principal principal, String caseId, boolean pass, String note) {
        return check(principal, caseId, AreaExitAction.PROVINCE_PASS, RegionLevel.PROVINCE, pass, note);
    }

    /**
     * The state's spot check (国家抽查) and the exit: a county not sampled, or sampled and passing, exits; sampled and
     * failing is rejected (a reason is required).
     */
    public AreaExitCase stateSpotCheck(Principal principal, String caseId, boolean sampled, boolean pass,
            String note) {
        boolean exits = !sampled || pass;
        if (!exits) {
            CaseEngine.requireReason(note, "a failed spot check");
        }
        AreaExitAction action = exits ? AreaExitAction.STATE_PASS : AreaExitAction.REJECT;
        return step(principal, caseId, action, Permission.APPROVE, RegionLevel.PROVINCE, note, (c, today) -> {
            onPath(c, AreaExitAction.STATE_PASS);
            return c.spotCheck(sampled);
        });
    }

    public AreaExitCase get(Principal principal, String caseId) {
        return cases.get(principal, caseId);
    }

    /** Area exit cases inside {@code area} (narrowed to the scope), of a year or all years when null. */
    public List<AreaExitCase> list(Principal principal, RegionCode area, Integer year) {
        return cases.list(principal, area, year);
    }

    /** Open cases not decided within the policy's area decision days of their application, most overdue first. */
    public List<OverdueCase> overdue(Principal principal, RegionCode area, LocalDate asOf) {
        return cases.overdue(principal, area, asOf, c -> {
            LocalDate opened = cases.openedOn(c);
            return opened.plusDays(engine.terms(c.region(), opened).areaDecisionDays());
        });
    }

    private AreaExitCase check(Principal principal, String caseId, AreaExitAction passing, RegionLevel level,
            boolean pass, String note) {
        if (!pass) {
            CaseEngine.requireReason(note, "rejecting an area exit");
        }
        return step(principal, caseId, pass ? passing : AreaExitAction.REJECT, Permission.APPROVE, level, note,
                (c, today) -> {
                    onPath(c, passing);
                    return c;
                });
    }

    /** Refuses a step of the other path (a township check of a county, a province verification of a village). */
    private static void onPath(AreaExitCase c, AreaExitAction action) {
        Set<AreaExitAction> path = c.level() == RegionLevel.VILLAGE ? VILLAGE_PATH : COUNTY_PATH;
        if (!path.contains(action)) {
            throw new WorkflowException("workflow.illegal_step", "area exit case", c.id(), action.label(),
                    c.level().label());
        }
    }

    private AreaExitCase step(Principal principal, String caseId, AreaExitAction action, Permission permission,
            RegionLevel level, String note, CaseEngine.Change<AreaExitCase> change) {
        return ctx.write(principal, w -> cases.stepIn(w, List.of(caseId),
                new CaseEngine.Step<>(action, permission, level, note, (c, today) -> {
                    if (action != AreaExitAction.REJECT) {
                        onPath(c, action);
                    }
                    return change.apply(c, today);
                }), this::advance).get(0).after());
    }

    private AreaExitCase advance(AreaExitCase c, AreaExitStage to, LocalDate today,
            org.jingzhun.core.identification.WorkflowStep step) {
        return c.with(to, to == AreaExitStage.NOTICE ? today : c.noticeOpenedOn(), step);
    }
}

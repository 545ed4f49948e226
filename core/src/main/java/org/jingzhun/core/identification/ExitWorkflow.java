package org.jingzhun.core.identification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.disclosure.Disclosure;
import org.jingzhun.core.disclosure.MaskingProfile;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.ReadAudit;
import org.jingzhun.core.internal.HouseholdFactsStore;
import org.jingzhun.core.policy.PolicyEngine;
import org.jingzhun.core.internal.CaseEngine;
import org.jingzhun.core.procedure.OverdueCase;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.policy.Decision;
import org.jingzhun.spi.policy.HouseholdFacts;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.storage.StorageTransaction;

/**
 * Household exit (贫困户退出): year-end assessment against the exit criteria of the policy in force, then the
 * procedure assessment → village review with the resident team → the household's confirmation (拟退出户认可) →
 * notice in the village (at least the policy's exit notice days; an objection sends it back) → announcement →
 * delisting (销号). Households planned to exit can be marked pre-exit (预脱贫) in the year before with
 * {@link #markPreExit}; otherwise starting a case marks them. Delisting makes the household EXITED; cancelling
 * restores the status it had. Every step runs on the shared {@code CaseEngine} (signed, dated, audited under
 * {@code exit-case}) and is also written to the household's history.
 */
public final class ExitWorkflow {
    /** Document and audit kind of exit cases. */
    public static final String KIND = "exit-case";
    private static final String HOUSEHOLD = "household";
    private static final Set<PovertyStatus> STARTABLE = EnumSet.of(PovertyStatus.NOT_EXITED, PovertyStatus.RETURNED,
            PovertyStatus.PRE_EXIT);

    private final CoreContext ctx;
    private final PolicyEngine engine;
    private final HouseholdFactsStore facts;
    private final CaseEngine<ExitCase, ExitStage, ExitAction> cases;
    private final Disclosure disclosure = new Disclosure();
    private final ReadAudit reads;

    public ExitWorkflow(CoreContext ctx, PolicyEngine engine, HouseholdFactsStore facts) {
        this.ctx = ctx;
        this.engine = engine;
        this.facts = facts;
        this.cases = new CaseEngine<>(ctx, KIND, "exit case", ExitCase.class, ExitAction.class, ExitCase::year,
                ExitCase::householdId);
        this.reads = new ReadAudit(ctx);
    }

    /**
     * Marks households planned to exit in {@code exitYear} as pre-exit (预脱贫) during the year before, so the
     * village works on them a whole year; only households still poor (NOT_EXITED or RETURNED) and only before
     * {@code exitYear}. All or none; each status change is in the household's history.
     *
     * @return the households as the principal may see them (masked without VIEW_PERSONAL_DATA)
     */
    public List<Household> markPreExit(Principal principal, List<String> householdIds, int exitYear, String note) {
        int thisYear = today().getYear();
        if (thisYear >= exitYear) {
            throw new WorkflowException("workflow.pre_exit_year", exitYear, thisYear);
        }
        List<Household> marked = ctx.write(principal, w -> {
            Map<String, Household> found = w.tx().households().findAll(householdIds);
            Set<String> listed = new HashSet<>();
            List<StatusChange> changes = new ArrayList<>();
            for (String id : householdIds) {
                Household h = found.get(id);
                if (h == null) {
                    throw new NotFoundException("household.not_found", id);
                }
                if (!listed.add(id)) {
                    throw new WorkflowException("workflow.listed_twice", id);
                }
                ctx.guard().require(principal, Permission.WRITE, h.region(), "预脱贫");
                if (h.status() != PovertyStatus.NOT_EXITED && h.status() != PovertyStatus.RETURNED) {
                    throw new WorkflowException("workflow.status", h.id(), h.status().label(), "预脱贫",
                            PovertyStatus.NOT_EXITED.label() + "/" + PovertyStatus.RETURNED.label());
                }
                changes.add(new StatusChange(h, PovertyStatus.PRE_EXIT, "预脱贫 planned to exit in " + exitYear
                        + (note == null || note.isBlank() ? "" : " — " + note)));
            }
            return setStatuses(w, changes);
        });
        MaskingProfile profile = MaskingProfile.defaultFor(principal);
        marked.forEach(h -> reads.record(principal, profile, h.id(), h.region(), "exits.markPreExit", Map.of()));
        return marked.stream().map(h -> disclosure.household(h, profile)).toList();
    }

    /**
     * Year-end assessment (年终评估) of every household inside {@code area} that still counts as poor (NOT_EXITED,
     * RETURNED, or PRE_EXIT: marked last year or already in a procedure): whether it meets the exit criteria for
     * {@code year}. Writes nothing.
     */
    public List<ExitAssessment> assessYear(Principal principal, RegionCode area, int year) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        LocalDate asOf = HouseholdFactsStore.decisionDate(year, today());
        return ctx.read(tx -> {
            List<Household> candidates = new ArrayList<>();
            tx.households().forEachWithin(effective, STARTABLE, candidates::add);
            Map<String, HouseholdFacts> all = facts.factsWithin(tx, effective, candidates, year, asOf);
            List<ExitAssessment> out = new ArrayList<>(candidates.size());
            for (Household h : candidates) {
                out.add(new ExitAssessment(h.id(), year, engine.householdExit(all.get(h.id()))));
            }
            return out;
        });
    }

    /**
     * Opens an exit case for a household that meets the exit criteria for {@code year}; the household becomes
     * PRE_EXIT. Refused when it does not meet them (the explanation says why) or already has an open case.
     */
    public ExitCase start(Principal principal, String householdId, int year, String note) {
        return ctx.write(principal, w -> startIn(w, List.of(householdId), year, note, false).started().get(0));
    }

    /**
     * The year-end exit assessment of a list of households in one unit of work (a village's or township's list):
     * a case is opened for every household that meets the exit criteria, and the others are returned with the
     * explanation of why not. A household in the wrong status, with an open case or listed twice refuses the whole
     * batch. The households, their facts and their open cases are read in bulk, village by village.
     */
    public ExitStart startAll(Principal principal, List<String> householdIds, int year, String note) {
        return ctx.write(principal, w -> startIn(w, householdIds, year, note, true));
    }

    /** Opens cases; households not meeting the criteria are reported when {@code reportNotMet}, else refused. */
    private ExitStart startIn(CoreContext.Work w, List<String> householdIds, int year, String note,
            boolean reportNotMet) {
        Principal principal = w.principal();
        StorageTransaction tx = w.tx();
        Map<String, Household> found = tx.households().findAll(householdIds);
        Map<String, List<String>> byCounty = new LinkedHashMap<>();
        List<Household> listedHouseholds = new ArrayList<>(householdIds.size());
        Set<String> listed = new HashSet<>();
        for (String id : householdIds) {
            Household h = found.get(id);
            if (h == null) {
                throw new NotFoundException("household.not_found", id);
            }
            if (!listed.add(id)) {
                throw new WorkflowException("workflow.listed_twice", id);
            }
            ctx.guard().require(principal, Permission.WRITE, h.region(), ExitAction.ASSESS.label());
            if (!STARTABLE.contains(h.status())) {
                throw new WorkflowException("workflow.status", h.id(), h.status().label(),
                        ExitAction.ASSESS.label(), PovertyStatus.NOT_EXITED.label() + "/"
                                + PovertyStatus.RETURNED.label() + "/" + PovertyStatus.PRE_EXIT.label());
            }
            byCounty.computeIfAbsent(h.countyCode(), c -> new ArrayList<>()).add(id);
            listedHouseholds.add(h);
        }
        for (Map.Entry<String, List<String>> e : byCounty.entrySet()) {
            for (List<Versioned<ExitCase>> open : cases.store().bySubjects(tx, e.getKey(), e.getValue())
                    .values()) {
                for (Versioned<ExitCase> other : open) {
                    if (!other.value().stage().terminal()) {
                        throw new WorkflowException("workflow.case_open", other.value().householdId(), "exit case",
                                other.value().id());
                    }
                }
            }
        }
        Map<String, HouseholdFacts> factsOf = facts.factsOf(tx, listedHouseholds, year,
                HouseholdFactsStore.decisionDate(year, today()));
        List<Household> meeting = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        List<ExitAssessment> notMet = new ArrayList<>();
        for (String id : householdIds) {
            Household h = found.get(id);
            Decision d = engine.householdExit(factsOf.get(id));
            if (d.positive()) {
                meeting.add(h);
                decisions.add(d);
            } else if (reportNotMet) {
                notMet.add(new ExitAssessment(h.id(), year, d));
            } else {
                throw new WorkflowException("workflow.exit_criteria_not_met", h.id(), d.explanation().result());
            }
        }
        if (meeting.isEmpty()) {
            return new ExitStart(List.of(), notMet);
        }
        Iterator<String> caseIds = cases.newIds(tx, meeting.get(0).region(), meeting.size()).iterator();
        List<ExitCase> started = new ArrayList<>(meeting.size());
        List<Versioned<ExitCase>> toSave = new ArrayList<>(meeting.size());
        List<StatusChange> changes = new ArrayList<>(meeting.size());
        for (int i = 0; i < meeting.size(); i++) {
            Household h = meeting.get(i);
            String caseId = caseIds.next();
            // A household marked pre-exit last year goes back to NOT_EXITED if its exit is cancelled.
            PovertyStatus before = h.status() == PovertyStatus.PRE_EXIT ? PovertyStatus.NOT_EXITED : h.status();
            ExitCase c = new ExitCase(caseId, h.id(), h.region(), year, ExitStage.ASSESSED, null, decisions.get(i),
                    before, List.of(), List.of(cases.sign(principal, ExitAction.ASSESS, null, note)), null);
            started.add(c);
            toSave.add(new Versioned<>(c, 0));
            cases.auditOpen(w, c, note);
            if (h.status() != PovertyStatus.PRE_EXIT) {
                changes.add(new StatusChange(h, PovertyStatus.PRE_EXIT, "exit case " + caseId + ": "
                        + ExitAction.ASSESS.label()));
            }
        }
        cases.store().saveAll(tx, toSave);
        setStatuses(w, changes);
        return new ExitStart(started, notMet);
    }

    /** Village review and verification with the resident team (村级评议核实); failing cancels the exit. */
    public ExitCase villageReview(Principal principal, String caseId, boolean pass, String note) {
        return step(principal, List.of(caseId), pass ? ExitAction.VILLAGE_PASS : ExitAction.VILLAGE_FAIL,
                Permission.APPROVE, null, note, (c, today) -> c).get(0);
    }

    /** The village review of many cases at one meeting, in one unit of work (all recorded or none). */
    public List<ExitCase> villageReviewAll(Principal principal, List<String> caseIds, boolean pass, String note) {
        return step(principal, caseIds, pass ? ExitAction.VILLAGE_PASS : ExitAction.VILLAGE_FAIL,
                Permission.APPROVE, null, note, (c, today) -> c);
    }

    /**
     * The household's confirmation of the exit (拟退出户认可), signed by {@code signedBy} (a member of the household,
     * usually the head). A household that does not agree sends the case back to assessment, its reason kept as an
     * objection.
     */
    public ExitCase confirm(Principal principal, String caseId, String signedBy, boolean agrees, String note) {
        CaseEngine.requireReason(signedBy, "the household's confirmation");
        if (!agrees) {
            CaseEngine.requireReason(note, "the household declining its exit");
            return step(principal, List.of(caseId), ExitAction.DECLINE, Permission.WRITE, null, note,
                    (c, today) -> c.withObjection(new Objection(today, c.stage().name(), signedBy, note))).get(0);
        }
        return step(principal, List.of(caseId), ExitAction.CONFIRM, Permission.WRITE, null, note,
                (c, today) -> c.withConfirmation(signedBy)).get(0);
    }

    /** The confirmations of many households at once, each signed by its head (户主), in one unit of work. */
    public List<ExitCase> confirmAll(Principal principal, List<String> caseIds, String note) {
        return ctx.write(principal, w -> {
            List<String> householdIds = cases.loadAll(w.tx(), caseIds).stream().map(v -> v.value().householdId())
                    .toList();
            Map<String, Household> households = w.tx().households().findAll(householdIds);
            return stepIn(w, caseIds, ExitAction.CONFIRM, Permission.WRITE, null, note, (c, today) -> {
                Household h = households.get(c.householdId());
                String head = h == null ? null : h.head().map(Member::name).orElse(null);
                CaseEngine.requireReason(head, "the household's confirmation (no head recorded)");
                return c.withConfirmation(head);
            });
        });
    }

    /** Opens the notice in the village (村内公示) after the household confirmed. */
    public ExitCase openNotice(Principal principal, String caseId, String note) {
        return step(principal, List.of(caseId), ExitAction.OPEN_NOTICE, Permission.WRITE, null, note,
                (c, today) -> c).get(0);
    }

    /** Opens one notice listing many cases (村内公示名单), in one unit of work. */
    public List<ExitCase> openNoticeAll(Principal principal, List<String> caseIds, String note) {
        return step(principal, caseIds, ExitAction.OPEN_NOTICE, Permission.WRITE, null, note, (c, today) -> c);
    }

    /** An objection during the notice: back to assessment, objection kept. */
    public ExitCase object(Principal principal, String caseId, String raisedBy, String text) {
        CaseEngine.requireReason(text, "objection");
        return step(principal, List.of(caseId), ExitAction.OBJECT, Permission.WRITE, null, text,
                (c, today) -> c.withObjection(new Objection(today, c.stage().name(), raisedBy, text))).get(0);
    }

    /**
     * Announcement (公告) after the notice ran its days, by a township-level or higher reviewer, followed in the same
     * unit by delisting (销号): the household becomes EXITED.
     */
    public ExitCase announce(Principal principal, String caseId, String note) {
        return step(principal, List.of(caseId), ExitAction.ANNOUNCE, Permission.APPROVE, RegionLevel.TOWNSHIP, note,
                this::noticeRan).get(0);
    }

    /** Announces and delists many cases whose notice ran its days, in one unit of work. */
    public List<ExitCase> announceAll(Principal principal, List<String> caseIds, String note) {
        return step(principal, caseIds, ExitAction.ANNOUNCE, Permission.APPROVE, RegionLevel.TOWNSHIP, note,
                this::noticeRan);
    }

    private ExitCase noticeRan(ExitCase c, LocalDate today) {
        cases.requireNoticeRan(c.id(), c.noticeOpenedOn(), engine.terms(c.region(), c.noticeOpenedOn())
                .exitNoticeDays(), today);
        return c;
    }

    /** Stops the exit (终止退出) and restores the household's previous status; a reason is required. */
    public ExitCase cancel(Principal principal, String caseId, String reason) {
        CaseEngine.requireReason(reason, "cancelling an exit");
        return step(principal, List.of(caseId), ExitAction.CANCEL, Permission.APPROVE, null, reason,
                (c, today) -> c).get(0);
    }

    public ExitCase get(Principal principal, String caseId) {
        return cases.get(principal, caseId);
    }

    /** Exit cases inside {@code area} (narrowed to the scope), of one year or all when {@code year} is null. */
    public List<ExitCase> list(Principal principal, RegionCode area, Integer year) {
        return cases.list(principal, area, year);
    }

    /**
     * Open exit cases inside {@code area} not delisted within the policy's exit decision days of their assessment
     * (超期未办结), most overdue first.
     */
    public List<OverdueCase> overdue(Principal principal, RegionCode area, LocalDate asOf) {
        return cases.overdue(principal, area, asOf, c -> {
            LocalDate opened = cases.openedOn(c);
            return opened.plusDays(engine.terms(c.region(), opened).exitDecisionDays());
        });
    }

    private List<ExitCase> step(Principal principal, List<String> caseIds, ExitAction action, Permission permission,
            RegionLevel level, String note, CaseEngine.Change<ExitCase> change) {
        return ctx.write(principal, w -> stepIn(w, caseIds, action, permission, level, note, change));
    }

    /** One step on many cases through the engine, then the household side: history lines and status changes. */
    private List<ExitCase> stepIn(CoreContext.Work w, List<String> caseIds, ExitAction action, Permission permission,
            RegionLevel level, String note, CaseEngine.Change<ExitCase> change) {
        Principal principal = w.principal();
        List<CaseEngine.Stepped<ExitCase>> stepped = cases.stepIn(w, caseIds,
                new CaseEngine.Step<>(action, permission, level, note, change), (c, to, today, step) -> {
                    ExitCase next = c.with(to, to == ExitStage.NOTICE ? today : null, step);
                    // Announcement and delisting are one act: the case reaches EXITED in the same unit.
                    return to == ExitStage.ANNOUNCED ? next.with(ExitStage.EXITED, null,
                            cases.sign(principal, ExitAction.DELIST, ExitStage.ANNOUNCED, note)) : next;
                });
        List<ExitCase> statusChanging = new ArrayList<>();
        List<ExitCase> out = new ArrayList<>(stepped.size());
        for (CaseEngine.Stepped<ExitCase> s : stepped) {
            ExitCase c = s.before();
            String what = describe(c.id(), action, note);
            if (action == ExitAction.ANNOUNCE) {
                w.audit(HOUSEHOLD, c.householdId(), c.region(), "exit-announce", what, null, null);
                statusChanging.add(c);
            } else if (s.after().stage() == ExitStage.CANCELLED) {
                statusChanging.add(c);
            } else {
                w.audit(HOUSEHOLD, c.householdId(), c.region(), "exit-" + action.name().toLowerCase(Locale.ROOT)
                        .replace('_', '-'), what, null, null);
            }
            out.add(s.after());
        }
        if (!statusChanging.isEmpty()) {
            // Only the steps that change the household's status need the households themselves.
            Map<String, Household> households = w.tx().households().findAll(
                    statusChanging.stream().map(ExitCase::householdId).toList());
            List<StatusChange> changes = new ArrayList<>(statusChanging.size());
            for (ExitCase c : statusChanging) {
                Household h = households.get(c.householdId());
                if (h == null) {
                    throw new NotFoundException("household.not_found", c.householdId());
                }
                changes.add(action != ExitAction.ANNOUNCE ? new StatusChange(h, c.previousStatus(),
                        describe(c.id(), action, note))
                        : new StatusChange(h, PovertyStatus.EXITED, "exit case " + c.id() + ": "
                                + ExitAction.DELIST.label()));
            }
            setStatuses(w, changes);
        }
        return out;
    }

    /** How a step on a case reads in the household's history. */
    private static String describe(String caseId, ExitAction action, String note) {
        return "exit case " + caseId + ": " + action.label() + (note == null || note.isBlank() ? "" : " — " + note);
    }

    /** A household's new status with the reason its history shows. */
    private record StatusChange(Household household, PovertyStatus status, String reason) {
    }

    private List<Household> setStatuses(CoreContext.Work w, List<StatusChange> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        List<Household> changed = new ArrayList<>(changes.size());
        for (StatusChange c : changes) {
            changed.add(c.household().toBuilder().status(c.status()).build());
        }
        List<Household> stored = w.tx().households().updateAll(changed);
        for (int i = 0; i < changes.size(); i++) {
            StatusChange c = changes.get(i);
            w.audit(HOUSEHOLD, c.household().id(), c.household().region(), "status", c.reason(),
                    StatusFields.of(c.household()), StatusFields.of(stored.get(i)));
        }
        return stored;
    }

    /**
     * What a status change alters on a household, as its audit entry logs it: the status and the version it moves
     * to. The rest of the card is unchanged, and logging it twice per step was most of the audit log's volume.
     */
    private record StatusFields(PovertyStatus status, long version) {
        static StatusFields of(Household h) {
            return new StatusFields(h.status(), h.version());
        }
    }

    private LocalDate today() {
        return LocalDate.now(ctx.clock());
    }
}

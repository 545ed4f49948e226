package org.jingzhun.core.identification;

import java.util.EnumSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.DocumentStore;
import org.jingzhun.core.internal.HouseholdFactsStore;
import org.jingzhun.core.internal.IdSequence;
import org.jingzhun.core.policy.PolicyEngine;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.policy.Decision;
import org.jingzhun.spi.policy.HouseholdFacts;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.storage.StorageTransaction;

/**
 * Household exit (贫困户退出): year-end assessment against the exit criteria of the policy in force, then the
 * procedure assessment → village review → notice in the village (at least
 * {@value IdentificationWorkflow#NOTICE_DAYS} days; an objection sends it back) → announcement → delisting (销号).
 * Starting a case puts the household in the pre-exit status (预脱贫); delisting makes it EXITED; cancelling restores
 * the status it had. Every step is audited on the household, so its history shows the whole procedure.
 */
public final class ExitWorkflow {
    static final String KIND = "exit-case";
    private static final String HOUSEHOLD = "household";

    private final CoreContext ctx;
    private final PolicyEngine engine;
    private final HouseholdFactsStore facts;
    private final DocumentStore<ExitCase> store;
    private final IdSequence ids = new IdSequence();

    public ExitWorkflow(CoreContext ctx, PolicyEngine engine, HouseholdFactsStore facts) {
        this.ctx = ctx;
        this.engine = engine;
        this.facts = facts;
        this.store = new DocumentStore<>(KIND, ExitCase.class, ctx.json(), ExitCase::id, ExitCase::region,
                ExitCase::year).withSubject(ExitCase::householdId);
    }

    /**
     * Year-end assessment (年终评估) of every household inside {@code area} that still counts as poor and is not
     * already in an exit procedure (NOT_EXITED or RETURNED): whether it meets the exit criteria for {@code year}.
     * Writes nothing.
     */
    public List<ExitAssessment> assessYear(Principal principal, RegionCode area, int year) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        LocalDate asOf = HouseholdFactsStore.decisionDate(year, today());
        return ctx.read(tx -> {
            List<Household> candidates = new ArrayList<>();
            tx.households().forEachWithin(effective, EnumSet.of(PovertyStatus.NOT_EXITED, PovertyStatus.RETURNED),
                    candidates::add);
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
            if (h.status() != PovertyStatus.NOT_EXITED && h.status() != PovertyStatus.RETURNED) {
                throw new WorkflowException("workflow.status", h.id(), h.status().label(),
                        ExitAction.ASSESS.label(), PovertyStatus.NOT_EXITED.label() + "/"
                                + PovertyStatus.RETURNED.label());
            }
            byCounty.computeIfAbsent(h.countyCode(), c -> new ArrayList<>()).add(id);
            listedHouseholds.add(h);
        }
        for (Map.Entry<String, List<String>> e : byCounty.entrySet()) {
            for (List<Versioned<ExitCase>> cases : store.bySubjects(tx, e.getKey(), e.getValue()).values()) {
                for (Versioned<ExitCase> other : cases) {
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
        Iterator<String> caseIds = ids.block(tx, KIND, meeting.get(0).region(), meeting.size()).iterator();
        List<ExitCase> started = new ArrayList<>(meeting.size());
        List<Versioned<ExitCase>> toSave = new ArrayList<>(meeting.size());
        List<StatusChange> changes = new ArrayList<>(meeting.size());
        for (int i = 0; i < meeting.size(); i++) {
            Household h = meeting.get(i);
            String caseId = caseIds.next();
            ExitCase c = new ExitCase(caseId, h.id(), h.region(), year, ExitStage.ASSESSED, null, decisions.get(i),
                    h.status(), List.of(), List.of(step(principal, ExitAction.ASSESS, null, note)));
            started.add(c);
            toSave.add(new Versioned<>(c, 0));
            changes.add(new StatusChange(h, PovertyStatus.PRE_EXIT, "exit case " + caseId + ": "
                    + ExitAction.ASSESS.label()));
        }
        store.saveAll(tx, toSave);
        setStatuses(w, changes);
        return new ExitStart(started, notMet);
    }

    /** Village review and verification with the resident team (村级评议核实); failing cancels the exit. */
    public ExitCase villageReview(Principal principal, String caseId, boolean pass, String note) {
        return step(principal, caseId, pass ? ExitAction.VILLAGE_PASS : ExitAction.VILLAGE_FAIL, Permission.APPROVE,
                null, note, (c, today) -> c);
    }

    /** The village review of many cases at one meeting, in one unit of work (all recorded or none). */
    public List<ExitCase> villageReviewAll(Principal principal, List<String> caseIds, boolean pass, String note) {
        return stepAll(principal, caseIds, pass ? ExitAction.VILLAGE_PASS : ExitAction.VILLAGE_FAIL,
                Permission.APPROVE, null, note, (c, today) -> c);
    }

    /** Opens one notice listing many cases (村内公示名单), in one unit of work. */
    public List<ExitCase> openNoticeAll(Principal principal, List<String> caseIds, String note) {
        return stepAll(principal, caseIds, ExitAction.OPEN_NOTICE, Permission.WRITE, null, note, (c, today) -> c);
    }

    /** Announces and delists many cases whose notice ran its days, in one unit of work. */
    public List<ExitCase> announceAll(Principal principal, List<String> caseIds, String note) {
        return stepAll(principal, caseIds, ExitAction.ANNOUNCE, Permission.APPROVE, RegionLevel.TOWNSHIP, note,
                ANNOUNCE_AFTER_NOTICE);
    }

    /** Opens the notice in the village (村内公示). */
    public ExitCase openNotice(Principal principal, String caseId, String note) {
        return step(principal, caseId, ExitAction.OPEN_NOTICE, Permission.WRITE, null, note, (c, today) -> c);
    }

    /** An objection during the notice: back to assessment, objection kept. */
    public ExitCase object(Principal principal, String caseId, String raisedBy, String text) {
        if (text == null || text.isBlank()) {
            throw new WorkflowException("workflow.reason_required", "objection");
        }
        return step(principal, caseId, ExitAction.OBJECT, Permission.WRITE, null, text,
                (c, today) -> c.withObjection(new Objection(today, c.stage().name(), raisedBy, text)));
    }

    /**
     * Announcement (公告) after the notice ran its days, by a township-level or higher reviewer, followed in the same
     * unit by delisting (销号): the household becomes EXITED.
     */
    public ExitCase announce(Principal principal, String caseId, String note) {
        return step(principal, caseId, ExitAction.ANNOUNCE, Permission.APPROVE, RegionLevel.TOWNSHIP, note,
                ANNOUNCE_AFTER_NOTICE);
    }

    private static final Change ANNOUNCE_AFTER_NOTICE = (c, today) -> {
        LocalDate until = c.noticeOpenedOn().plusDays(IdentificationWorkflow.NOTICE_DAYS);
        if (today.isBefore(until)) {
            throw new WorkflowException("workflow.notice_running", "exit case " + c.id(), c.noticeOpenedOn(),
                    IdentificationWorkflow.NOTICE_DAYS, until, today);
        }
        return c;
    };

    /** Stops the exit (终止退出) and restores the household's previous status; a reason is required. */
    public ExitCase cancel(Principal principal, String caseId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new WorkflowException("workflow.reason_required", "cancelling an exit");
        }
        return step(principal, caseId, ExitAction.CANCEL, Permission.APPROVE, null, reason, (c, today) -> c);
    }

    public ExitCase get(Principal principal, String caseId) {
        return ctx.read(tx -> {
            ExitCase c = load(tx, caseId).value();
            ctx.guard().require(principal, Permission.READ, c.region(), "read exit cases");
            return c;
        });
    }

    /** Exit cases inside {@code area} (narrowed to the scope), of one year or all when {@code year} is null. */
    public List<ExitCase> list(Principal principal, RegionCode area, Integer year) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return ctx.read(tx -> store.all(tx, effective, year).stream().map(Versioned::value).toList());
    }

    private interface Change extends BiFunction<ExitCase, LocalDate, ExitCase> {
    }

    private ExitCase step(Principal principal, String caseId, ExitAction action, Permission permission,
            RegionLevel level, String note, Change change) {
        return ctx.write(principal, w -> stepIn(w, List.of(caseId), action, permission, level, note, change).get(0));
    }

    private List<ExitCase> stepAll(Principal principal, List<String> caseIds, ExitAction action,
            Permission permission, RegionLevel level, String note, Change change) {
        return ctx.write(principal, w -> stepIn(w, caseIds, action, permission, level, note, change));
    }

    /** One step on many cases: every case checked and changed, then cases and households stored in bulk. */
    private List<ExitCase> stepIn(CoreContext.Work w, List<String> caseIds, ExitAction action, Permission permission,
            RegionLevel level, String note, Change change) {
        Principal principal = w.principal();
        if (level != null && principal.scope().level().ordinal() > level.ordinal()) {
            throw new WorkflowException("workflow.level", action.label(), level.label(), principal.userId(),
                    principal.scope());
        }
        LocalDate today = today();
        Set<String> listed = new HashSet<>();
        List<Versioned<ExitCase>> toSave = new ArrayList<>(caseIds.size());
        List<ExitCase> out = new ArrayList<>(caseIds.size());
        List<ExitCase> statusChanging = new ArrayList<>();
        Map<String, Map<String, Versioned<ExitCase>>> byCounty = new HashMap<>();
        for (String caseId : caseIds) {
            Objects.requireNonNull(caseId, "caseId");
            if (!listed.add(caseId)) {
                throw new WorkflowException("workflow.listed_twice", caseId);
            }
            byCounty.computeIfAbsent(countyOf(caseId), k -> new HashMap<>());
        }
        for (Map.Entry<String, Map<String, Versioned<ExitCase>>> e : byCounty.entrySet()) {
            e.getValue().putAll(store.findAll(w.tx(), e.getKey(), caseIds));
        }
        for (String caseId : caseIds) {
            Versioned<ExitCase> current = byCounty.get(countyOf(caseId)).get(caseId);
            if (current == null) {
                throw new NotFoundException("case.not_found", "exit case", caseId);
            }
            ExitCase c = current.value();
            ctx.guard().require(principal, permission, c.region(), action.label());
            ExitStage to = action.apply(caseId, c.stage());
            ExitCase next = change.apply(c, today).with(to, to == ExitStage.NOTICE ? today : null,
                    step(principal, action, c.stage(), note));
            String what = describe(caseId, action, note);
            if (to == ExitStage.ANNOUNCED) {
                next = next.with(ExitStage.EXITED, null, step(principal, ExitAction.DELIST, ExitStage.ANNOUNCED,
                        note));
                w.audit(HOUSEHOLD, c.householdId(), c.region(), "exit-announce", what, null, null);
                statusChanging.add(c);
            } else if (to == ExitStage.CANCELLED) {
                statusChanging.add(c);
            } else {
                w.audit(HOUSEHOLD, c.householdId(), c.region(), "exit-" + action.name().toLowerCase(Locale.ROOT)
                        .replace('_', '-'), what, null, null);
            }
            toSave.add(new Versioned<>(next, current.version()));
            out.add(next);
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
                changes.add(action == ExitAction.CANCEL ? new StatusChange(h, c.previousStatus(),
                        describe(c.id(), action, note))
                        : new StatusChange(h, PovertyStatus.EXITED, "exit case " + c.id() + ": "
                                + ExitAction.DELIST.label()));
            }
            setStatuses(w, changes);
        }
        store.saveAll(w.tx(), toSave);
        return out;
    }

    /** How a step on a case reads in the household's history. */
    private static String describe(String caseId, ExitAction action, String note) {
        return "exit case " + caseId + ": " + action.label() + (note == null || note.isBlank() ? "" : " — " + note);
    }

    /** A household's new status with the reason its history shows. */
    private record StatusChange(Household household, PovertyStatus status, String reason) {
    }

    private void setStatuses(CoreContext.Work w, List<StatusChange> changes) {
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

    private WorkflowStep step(Principal p, ExitAction action, ExitStage from, String note) {
        return new WorkflowStep(action.name(), from == null ? null : from.name(), action.to().name(), p.userId(),
                p.displayName(), ctx.clock().instant(), note);
    }

    private Versioned<ExitCase> load(StorageTransaction tx, String caseId) {
        Objects.requireNonNull(caseId, "caseId");
        return store.find(tx, countyOf(caseId), caseId)
                .orElseThrow(() -> new NotFoundException("case.not_found", "exit case", caseId));
    }

    /** Case ids are county running numbers ({@code 341702-00000042}): the county is their first six digits. */
    private static String countyOf(String caseId) {
        return caseId.substring(0, Math.min(6, caseId.length()));
    }

    private LocalDate today() {
        return LocalDate.now(ctx.clock());
    }
}

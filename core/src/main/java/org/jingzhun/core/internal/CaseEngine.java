package org.jingzhun.core.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.identification.WorkflowStep;
import org.jingzhun.core.procedure.CaseAction;
import org.jingzhun.core.procedure.CaseStage;
import org.jingzhun.core.procedure.OverdueCase;
import org.jingzhun.core.procedure.ProcedureCase;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.storage.StorageTransaction;

/**
 * The one case engine (办件引擎) every procedure runs on: entry, household exit, monitoring, village and county exit,
 * cross-check review. It keeps a procedure's cases as documents, loads lists of them in bulk (a missing case is not
 * found, a case listed twice is refused), checks the principal's permission on each case's area and the level a
 * step needs (before anything is read), applies the state machine, signs each step with the principal and the host
 * clock, and audits every step under the case kind with the stage it left and reached. Overdue cases are those
 * still open after the due date their procedure computes from its policy terms.
 *
 * <p>Not part of the public API: procedures build one each and expose their own typed methods.
 *
 * @param <C> the case record
 * @param <S> its stage enum
 * @param <A> its action enum
 */
public final class CaseEngine<C extends ProcedureCase<S>, S extends Enum<S> & CaseStage,
        A extends Enum<A> & CaseAction<S>> {
    private final CoreContext ctx;
    private final String kind;
    private final String what;
    private final Class<A> actions;
    private final DocumentStore<C> store;
    private final IdSequence ids = new IdSequence();

    /**
     * @param kind    document and audit entity kind, e.g. {@code exit-case}
     * @param what    how errors name a case, e.g. {@code exit case}
     * @param year    the year a case belongs to (indexed)
     * @param subject what a case is about (indexed, e.g. its household), or {@code null}
     */
    public CaseEngine(CoreContext ctx, String kind, String what, Class<C> type, Class<A> actions,
            Function<C, Integer> year, Function<C, String> subject) {
        this.ctx = ctx;
        this.kind = kind;
        this.what = what;
        this.actions = actions;
        DocumentStore<C> s = new DocumentStore<>(kind, type, ctx.json(), C::id, C::region, year);
        this.store = subject == null ? s : s.withSubject(subject);
    }

    public String kind() {
        return kind;
    }

    public DocumentStore<C> store() {
        return store;
    }

    public LocalDate today() {
        return LocalDate.now(ctx.clock());
    }

    /** {@code count} fresh case ids in the county of {@code region}, reserved in the unit of work. */
    public List<String> newIds(StorageTransaction tx, RegionCode region, int count) {
        return ids.block(tx, kind, region, count);
    }

    /** The stage after {@code action}, or a {@link WorkflowException} naming the illegal step. */
    public S transition(String caseId, S stage, A action) {
        if (!action.allowedFrom(stage)) {
            throw new WorkflowException("workflow.illegal_step", what, caseId, action.label(),
                    stage == null ? "(none)" : stage.label());
        }
        return action.to();
    }

    /** The stage a list of signed steps leads to, checking every transition. */
    public S replay(String caseId, List<WorkflowStep> steps) {
        S stage = null;
        for (WorkflowStep s : steps) {
            stage = transition(caseId, stage, Enum.valueOf(actions, s.action()));
        }
        return stage;
    }

    /** A step signed by the principal and dated by the host clock. */
    public WorkflowStep sign(Principal p, A action, S from, String note) {
        return new WorkflowStep(action.name(), from == null ? null : from.name(), action.to().name(), p.userId(),
                p.displayName(), ctx.clock().instant(), note);
    }

    /** Refuses a principal working below {@code level} (e.g. a village clerk taking a township step). */
    public void requireLevel(Principal principal, A action, RegionLevel level) {
        if (level != null && principal.scope().level().ordinal() > level.ordinal()) {
            throw new WorkflowException("workflow.level", action.label(), level.label(), principal.userId(),
                    principal.scope());
        }
    }

    /** Refuses a step that needs a reason when none is given. */
    public static void requireReason(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new WorkflowException("workflow.reason_required", what);
        }
    }

    /** Refuses a step while a notice opened on {@code openedOn} has not yet run {@code days} days. */
    public void requireNoticeRan(String caseId, LocalDate openedOn, int days, LocalDate today) {
        LocalDate until = openedOn.plusDays(days);
        if (today.isBefore(until)) {
            throw new WorkflowException("workflow.notice_running", what + " " + caseId, openedOn, days, until,
                    today);
        }
    }

    /** Audits the opening of a case (its first signed step). */
    public void auditOpen(CoreContext.Work w, C opened, String note) {
        w.audit(kind, opened.id(), opened.region(), auditAction(opened.steps().get(0).action()), note, null,
                StageAudit.of(opened));
    }

    /** Audits a step: the case's stage and step count before and after, with the note as reason. */
    public void auditStep(CoreContext.Work w, C before, C after, A action, String note) {
        w.audit(kind, before.id(), before.region(), auditAction(action.name()), note, StageAudit.of(before),
                StageAudit.of(after));
    }

    private static String auditAction(String actionName) {
        return actionName.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What a step audit logs of a case: the stage and how many signed steps it has (the steps are on the case). */
    record StageAudit(String stage, int steps) {
        static StageAudit of(ProcedureCase<?> c) {
            return new StageAudit(c.stage().name(), c.steps().size());
        }
    }

    /**
     * The listed cases in list order, read in bulk per county; a missing case is not found, a case listed twice is
     * refused.
     */
    public List<Versioned<C>> loadAll(StorageTransaction tx, List<String> caseIds) {
        Map<String, List<String>> byCounty = new LinkedHashMap<>();
        Set<String> listed = new HashSet<>();
        for (String caseId : caseIds) {
            Objects.requireNonNull(caseId, "caseId");
            if (!listed.add(caseId)) {
                throw new WorkflowException("workflow.listed_twice", caseId);
            }
            byCounty.computeIfAbsent(countyOf(caseId), k -> new ArrayList<>()).add(caseId);
        }
        Map<String, Versioned<C>> found = new java.util.HashMap<>();
        byCounty.forEach((county, inCounty) -> found.putAll(store.findAll(tx, county, inCounty)));
        List<Versioned<C>> out = new ArrayList<>(caseIds.size());
        for (String caseId : caseIds) {
            Versioned<C> v = found.get(caseId);
            if (v == null) {
                throw new NotFoundException("case.not_found", what, caseId);
            }
            out.add(v);
        }
        return out;
    }

    public Versioned<C> load(StorageTransaction tx, String caseId) {
        return loadAll(tx, List.of(caseId)).get(0);
    }

    /** Case ids are county running numbers ({@code 341702-00000042}): the county is their first six digits. */
    public static String countyOf(String caseId) {
        return caseId.substring(0, Math.min(6, caseId.length()));
    }

    /** What one step does to a case beyond moving its stage: checks (throwing) and data changes. */
    @FunctionalInterface
    public interface Change<C> {
        C apply(C current, LocalDate today);
    }

    /** Builds the next case from the changed one, the stage reached and the signed step. */
    @FunctionalInterface
    public interface Advance<C, S> {
        C apply(C changed, S to, LocalDate today, WorkflowStep step);
    }

    /** A case before and after one step, for the procedure's own side effects (household status, history). */
    public record Stepped<C>(C before, C after) {
    }

    /** One step for a list of cases: who may take it, at which level, with which note and change. */
    public record Step<C, S, A>(A action, Permission permission, RegionLevel level, String note, Change<C> change) {
    }

    /**
     * Takes one step on every listed case in the unit of work {@code w}: the level is checked first, then each case
     * is loaded, guarded, moved, signed, audited; all are saved together. A case that cannot take the step aborts
     * the list. The cases after the step come back in list order, with their before-state for side effects.
     */
    public List<Stepped<C>> stepIn(CoreContext.Work w, List<String> caseIds, Step<C, S, A> step,
            Advance<C, S> advance) {
        Principal principal = w.principal();
        requireLevel(principal, step.action(), step.level());
        List<Versioned<C>> current = loadAll(w.tx(), caseIds);
        LocalDate today = today();
        List<Versioned<C>> toSave = new ArrayList<>(current.size());
        List<Stepped<C>> out = new ArrayList<>(current.size());
        for (Versioned<C> v : current) {
            C c = v.value();
            ctx.guard().require(principal, step.permission(), c.region(), step.action().label());
            S to = transition(c.id(), c.stage(), step.action());
            C changed = step.change().apply(c, today);
            C next = advance.apply(changed, to, today, sign(principal, step.action(), c.stage(), step.note()));
            toSave.add(new Versioned<>(next, v.version()));
            auditStep(w, c, next, step.action(), step.note());
            out.add(new Stepped<>(c, next));
        }
        store.saveAll(w.tx(), toSave);
        return out;
    }

    /** A case that must exist and lie in the principal's read scope. */
    public C get(Principal principal, String caseId) {
        return ctx.read(tx -> {
            C c = load(tx, caseId).value();
            ctx.guard().require(principal, Permission.READ, c.region(), "read " + what + "s");
            return c;
        });
    }

    /** Cases inside {@code area} (narrowed to the scope) of one year, or every year when {@code year} is null. */
    public List<C> list(Principal principal, RegionCode area, Integer year) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return ctx.read(tx -> store.all(tx, effective, year).stream().map(Versioned::value).toList());
    }

    /** The day a case opened: the date of its first signed step on the host clock's zone. */
    public LocalDate openedOn(C c) {
        ZoneId zone = ctx.clock().getZone();
        return c.steps().get(0).at().atZone(zone).toLocalDate();
    }

    /**
     * Open cases inside {@code area} whose due date (from {@code dueOn}) lies before {@code asOf}, most overdue
     * first.
     */
    public List<OverdueCase> overdue(Principal principal, RegionCode area, LocalDate asOf,
            Function<C, LocalDate> dueOn) {
        Objects.requireNonNull(asOf, "asOf");
        List<OverdueCase> out = new ArrayList<>();
        for (C c : list(principal, area, null)) {
            if (c.stage().terminal()) {
                continue;
            }
            LocalDate due = dueOn.apply(c);
            if (due != null && due.isBefore(asOf)) {
                out.add(new OverdueCase(kind, c.id(), c.region(), c.stage().name(), openedOn(c), due,
                        java.time.temporal.ChronoUnit.DAYS.between(due, asOf)));
            }
        }
        out.sort(java.util.Comparator.comparingLong(OverdueCase::daysOverdue).reversed()
                .thenComparing(OverdueCase::caseId));
        return out;
    }
}

package org.jingzhun.core.identification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.crosscheck.CrossCheckFinding;
import org.jingzhun.core.crosscheck.CrossCheckService;
import org.jingzhun.core.disclosure.Disclosure;
import org.jingzhun.core.disclosure.MaskingProfile;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.ReadAudit;
import org.jingzhun.core.internal.CaseEngine;
import org.jingzhun.core.procedure.OverdueCase;
import org.jingzhun.core.policy.PolicyEngine;
import org.jingzhun.core.registry.HouseholdRegistry;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.crosscheck.CrossCheckHit;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.policy.Decision;
import org.jingzhun.spi.policy.HouseholdFacts;
import org.jingzhun.spi.policy.SupplementaryFacts;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;

/**
 * The entry procedure (贫困户识别程序): application → villagers' representatives' review and vote → first public
 * notice (at least the policy's entry notice days, 7 by default) → township review → second notice → county
 * approval and announcement → registration (建档立卡). An objection during a notice sends the case back to village
 * review and stays on the case. Every step runs on the shared {@code CaseEngine}: signed, dated by the host clock and
 * audited under entity type {@code identification-case}; the registration itself appears in the household's history.
 * Illegal steps are refused with a {@link WorkflowException}. Cases not decided within the policy's entry decision
 * days are listed by {@link #overdue}.
 *
 * <p>At application the policy engine decides eligibility and exclusion on the declared income and facts, and the
 * applicants' citizen IDs are cross-checked against other departments' lists. County approval is refused while the
 * household is ineligible or excluded, or while a cross-check hit is not cleared by a reviewer with a reason
 * ({@link #clearFinding}, an audited override).
 */
public final class IdentificationWorkflow {
    /** Document and audit kind of identification cases. */
    public static final String KIND = "identification-case";
    /**
     * Minimum days a public notice runs (公示期不少于7天) under the default procedure terms; a pack's
     * {@code ProcedureTerms} may set more, and the workflows read the terms in force.
     */
    public static final int NOTICE_DAYS = 7;

    private final CoreContext ctx;
    private final HouseholdRegistry registry;
    private final PolicyEngine engine;
    private final CrossCheckService crossChecks;
    private final CaseEngine<IdentificationCase, IdentificationStage, IdentificationAction> cases;
    private final Disclosure disclosure;
    private final ReadAudit reads;

    public IdentificationWorkflow(CoreContext ctx, HouseholdRegistry registry, PolicyEngine engine,
            CrossCheckService crossChecks, Disclosure disclosure) {
        this.ctx = ctx;
        this.registry = registry;
        this.disclosure = disclosure;
        this.reads = new ReadAudit(ctx);
        this.engine = engine;
        this.crossChecks = crossChecks;
        this.cases = new CaseEngine<>(ctx, KIND, "identification case", IdentificationCase.class,
                IdentificationAction.class, IdentificationCase::year, null);
    }

    /** Opens a case with no supplementary facts. */
    public IdentificationCase apply(Principal principal, int year, Household applicant, IncomeStatement income,
            String note) {
        return shown(principal, apply(principal, year, applicant, income, SupplementaryFacts.none(), note));
    }

    /**
     * A household applies (农户申请). The proposed card is validated in full (its id is assigned at registration;
     * its status is set to NOT_EXITED); the income statement's household id is replaced by the case id and its
     * size must match the members. Eligibility, exclusion and cross-checks are run and kept on the case.
     */
    public IdentificationCase apply(Principal principal, int year, Household applicant, IncomeStatement income,
            SupplementaryFacts extra, String note) {
        return shown(principal, applyAll(principal, year, List.of(new Application(applicant, income, extra)), note).get(0));
    }

    /** One application of a list: the proposed card, the declared income and any supplementary facts. */
    public record Application(Household applicant, IncomeStatement income, SupplementaryFacts extra) {
        public Application {
            Objects.requireNonNull(applicant, "applicant");
            Objects.requireNonNull(income, "income");
            extra = extra == null ? SupplementaryFacts.none() : extra;
        }

        public Application(Household applicant, IncomeStatement income) {
            this(applicant, income, SupplementaryFacts.none());
        }
    }

    /**
     * {@link #apply} for a list of applications (a village's or township's intake), in one unit of work: every case
     * is opened, in list order, or none is, and a refusal lists the problems of every application at once, each
     * named by the case id it would have had.
     */
    public List<IdentificationCase> applyAll(Principal principal, int year, List<Application> applications,
            String note) {
        Objects.requireNonNull(applications, "applications");
        List<Household> proposed = new ArrayList<>(applications.size());
        for (Application a : applications) {
            Objects.requireNonNull(a, "application");
            ctx.guard().require(principal, Permission.WRITE, a.applicant().region(), "apply for identification");
            proposed.add(a.applicant().toBuilder().id(null).version(0).status(PovertyStatus.NOT_EXITED)
                    .identifiedYear(year).build());
        }
        if (applications.isEmpty()) {
            return List.of();
        }
        return shownAll(principal, ctx.write(principal, w -> {
            Map<String, java.util.Iterator<String>> fresh = new java.util.HashMap<>();
            Map<String, Integer> perCounty = new java.util.LinkedHashMap<>();
            proposed.forEach(h -> perCounty.merge(h.region().countyCode(), 1, Integer::sum));
            perCounty.forEach((county, n) -> fresh.put(county,
                    cases.newIds(w.tx(), RegionCode.of(county), n).iterator()));
            LocalDate today = today();
            List<Violation> problems = new ArrayList<>();
            List<Versioned<IdentificationCase>> toSave = new ArrayList<>(proposed.size());
            for (int i = 0; i < proposed.size(); i++) {
                Household h = proposed.get(i);
                Application a = applications.get(i);
                String caseId = fresh.get(h.region().countyCode()).next();
                IncomeStatement income = a.income();
                IncomeStatement declared = new IncomeStatement(caseId, income.year(), income.items(),
                        income.productionCosts(), income.householdSize(), 0);
                try {
                    validateApplication(w.tx(), caseId, year, h, declared);
                } catch (ValidationException e) {
                    problems.addAll(e.violations());
                    continue;
                }
                HouseholdFacts facts = new HouseholdFacts(h, year, declared, a.extra(), today);
                Decision eligibility = engine.eligibility(facts);
                Decision exclusion = engine.exclusion(facts).orElse(null);
                List<CrossCheckFinding> findings = crossChecks.check(memberIds(h)).stream()
                        .map(CrossCheckFinding::open).toList();
                WorkflowStep step = cases.sign(principal, IdentificationAction.APPLY, null, note);
                IdentificationCase c = new IdentificationCase(caseId, year, h.region(), h, declared,
                        IdentificationStage.APPLIED, null, null, eligibility, exclusion, findings, List.of(),
                        List.of(step), null);
                toSave.add(new Versioned<>(c, 0));
                cases.auditOpen(w, c, note);
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            cases.store().saveAll(w.tx(), toSave);
            return toSave.stream().map(Versioned::value).toList();
        }));
    }

    /** Villagers' representatives review and vote (民主评议); a majority in favour passes, otherwise rejected. */
    public IdentificationCase villageReview(Principal principal, String caseId, VillageVote vote, String note) {
        Objects.requireNonNull(vote, "vote");
        if (!vote.valid()) {
            throw new WorkflowException("workflow.vote_invalid", vote.inFavour(), vote.against(), vote.abstained());
        }
        IdentificationAction action = vote.passes() ? IdentificationAction.VILLAGE_PASS
                : IdentificationAction.VILLAGE_FAIL;
        return shown(principal, step(principal, caseId, action, Permission.APPROVE, null, (note == null || note.isBlank() ? "" : note + " ") + "[" + vote + "]",
                (c, today) -> c.withVote(vote)));
    }

    /**
     * {@link #villageReview} for a list of cases with the same vote, in one unit of work: every case takes the step
     * or, when one cannot, none does and the error names that case.
     */
    public List<IdentificationCase> villageReviewAll(Principal principal, List<String> caseIds, VillageVote vote,
            String note) {
        Objects.requireNonNull(vote, "vote");
        if (!vote.valid()) {
            throw new WorkflowException("workflow.vote_invalid", vote.inFavour(), vote.against(), vote.abstained());
        }
        IdentificationAction action = vote.passes() ? IdentificationAction.VILLAGE_PASS
                : IdentificationAction.VILLAGE_FAIL;
        return shownAll(principal, stepAll(principal, caseIds, action, Permission.APPROVE, null,
                (note == null || note.isBlank() ? "" : note + " ") + "[" + vote + "]", (c, today) -> c.withVote(vote)));
    }

    /** Opens the first public notice in the village (第一次公示). */
    public IdentificationCase openFirstNotice(Principal principal, String caseId, String note) {
        return shown(principal, step(principal, caseId, IdentificationAction.OPEN_FIRST_NOTICE, Permission.WRITE, null, note,
                (c, today) -> c));
    }

    /** {@link #openFirstNotice} for a list of cases in one unit of work, all or none. */
    public List<IdentificationCase> openFirstNoticeAll(Principal principal, List<String> caseIds, String note) {
        return shownAll(principal, stepAll(principal, caseIds, IdentificationAction.OPEN_FIRST_NOTICE, Permission.WRITE, null, note,
                (c, today) -> c));
    }

    /**
     * Records an objection during a notice (公示异议): the case goes back to village review, the objection is kept.
     */
    public IdentificationCase object(Principal principal, String caseId, String raisedBy, String text) {
        requireReason(text, "objection");
        return shown(principal, step(principal, caseId, IdentificationAction.OBJECT, Permission.WRITE, null, text,
                (c, today) -> c.withObjection(new Objection(today, c.stage().name(), raisedBy, text))));
    }

    /** Township review (乡镇审核) after the first notice ran its days; needs a township-level (or higher) reviewer. */
    public IdentificationCase townshipReview(Principal principal, String caseId, boolean pass, String note) {
        return shown(principal, step(principal, caseId, pass ? IdentificationAction.TOWNSHIP_PASS : IdentificationAction.TOWNSHIP_FAIL,
                Permission.APPROVE, RegionLevel.TOWNSHIP, note, (c, today) -> {
                    noticeRan(c, today);
                    return c;
                }));
    }

    /** {@link #townshipReview} for a list of cases in one unit of work, all or none. */
    public List<IdentificationCase> townshipReviewAll(Principal principal, List<String> caseIds, boolean pass,
            String note) {
        return shownAll(principal, stepAll(principal, caseIds, pass ? IdentificationAction.TOWNSHIP_PASS
                : IdentificationAction.TOWNSHIP_FAIL, Permission.APPROVE, RegionLevel.TOWNSHIP, note, (c, today) -> {
                    noticeRan(c, today);
                    return c;
                }));
    }

    /** Opens the second public notice (第二次公示). */
    public IdentificationCase openSecondNotice(Principal principal, String caseId, String note) {
        return shown(principal, step(principal, caseId, IdentificationAction.OPEN_SECOND_NOTICE, Permission.WRITE, null, note,
                (c, today) -> c));
    }

    /** {@link #openSecondNotice} for a list of cases in one unit of work, all or none. */
    public List<IdentificationCase> openSecondNoticeAll(Principal principal, List<String> caseIds, String note) {
        return shownAll(principal, stepAll(principal, caseIds, IdentificationAction.OPEN_SECOND_NOTICE, Permission.WRITE, null, note,
                (c, today) -> c));
    }

    /**
     * County approval and announcement (县级审批公告) after the second notice ran its days, followed at once by
     * registration. Refused while the household is ineligible or excluded or a cross-check hit is uncleared
     * (cross-checks are re-run first, so new hits also block).
     *
     * @return the case, REGISTERED with its household id
     */
    public IdentificationCase countyApprove(Principal principal, String caseId, String note) {
        recheck(principal, List.of(caseId));
        step(principal, caseId, IdentificationAction.COUNTY_APPROVE, Permission.APPROVE, RegionLevel.COUNTY, note,
                this::approvable);
        return shown(principal, register(principal, caseId));
    }

    /**
     * {@link #countyApprove} for a list of cases: all are approved in one unit of work (or none, the error naming the
     * first case that cannot be; cross-check hits found on the way are kept on their cases), then all are
     * registered together with {@link #registerAll}.
     *
     * @return the cases, REGISTERED with their household ids, in list order
     */
    public List<IdentificationCase> countyApproveAll(Principal principal, List<String> caseIds, String note) {
        recheck(principal, caseIds);
        stepAll(principal, caseIds, IdentificationAction.COUNTY_APPROVE, Permission.APPROVE, RegionLevel.COUNTY,
                note, this::approvable);
        return shownAll(principal, registerAll(principal, caseIds));
    }

    /**
     * Re-runs the cross-checks of cases about to be approved, before the approval's unit of work: cases that may take
     * the step but have open hits (old or new) get the new hits saved in a unit of their own, audited, and the
     * approval is refused naming the first of them.
     */
    private void recheck(Principal principal, List<String> caseIds) {
        cases.requireLevel(principal, IdentificationAction.COUNTY_APPROVE, RegionLevel.COUNTY);
        List<Versioned<IdentificationCase>> current = ctx.read(tx -> cases.loadAll(tx, caseIds));
        LocalDate today = today();
        List<Versioned<IdentificationCase>> blocked = new ArrayList<>();
        for (Versioned<IdentificationCase> v : current) {
            IdentificationCase c = v.value();
            ctx.guard().require(principal, Permission.APPROVE, c.region(), IdentificationAction.COUNTY_APPROVE.label());
            cases.transition(c.id(), c.stage(), IdentificationAction.COUNTY_APPROVE);
            noticeRan(c, today);
            IdentificationCase rechecked = c.withFindings(merge(c.findings(),
                    crossChecks.check(memberIds(c.applicant()))));
            if (!rechecked.openFindings().isEmpty()) {
                blocked.add(new Versioned<>(rechecked, v.version()));
            }
        }
        if (blocked.isEmpty()) {
            return;
        }
        ctx.write(principal, w -> {
            List<Versioned<IdentificationCase>> toSave = new ArrayList<>();
            for (Versioned<IdentificationCase> v : blocked) {
                if (v.value().findings().size() > current.stream().filter(x -> x.value().id().equals(v.value().id()))
                        .findFirst().orElseThrow().value().findings().size()) {
                    toSave.add(v);
                    w.audit(KIND, v.value().id(), v.value().region(), "crosscheck", "re-run before county approval",
                            null, v.value().findings());
                }
            }
            cases.store().saveAll(w.tx(), toSave);
            return null;
        });
        IdentificationCase first = blocked.get(0).value();
        throw new WorkflowException("workflow.crosscheck_blocked", "identification case " + first.id(),
                first.openFindings().size());
    }

    /** What county approval requires of a case: no open cross-check hit, eligible, not excluded. */
    private IdentificationCase approvable(IdentificationCase c, LocalDate today) {
        noticeRan(c, today);
        if (!c.openFindings().isEmpty()) {
            throw new WorkflowException("workflow.crosscheck_blocked", "identification case " + c.id(),
                    c.openFindings().size());
        }
        if (!c.eligibility().positive()) {
            throw new WorkflowException("workflow.not_eligible", "identification case " + c.id(),
                    c.eligibility().explanation().result());
        }
        if (c.exclusion() != null && c.exclusion().positive()) {
            throw new WorkflowException("workflow.excluded", "identification case " + c.id(),
                    c.exclusion().explanation().result());
        }
        return c;
    }

    /** County refusal (县级不予批准). */
    public IdentificationCase countyReject(Principal principal, String caseId, String note) {
        requireReason(note, "county rejection");
        return shown(principal, step(principal, caseId, IdentificationAction.COUNTY_REJECT, Permission.APPROVE, RegionLevel.COUNTY,
                note, (c, today) -> c));
    }

    /**
     * Files the card into the registry (建档立卡) for an APPROVED case. {@link #countyApprove} calls it; call it
     * again only if registration failed after approval (e.g. the registry refused the card), after fixing the cause.
     */
    public IdentificationCase register(Principal principal, String caseId) {
        IdentificationCase approved = stored(principal, caseId);
        IdentificationAction.REGISTER.apply(caseId, approved.stage());
        Household stored = registry.register(principal, approved.applicant(),
                "identification case " + caseId + " approved");
        IncomeStatement income = approved.income();
        registry.recordIncome(principal, new IncomeStatement(stored.id(), income.year(), income.items(),
                income.productionCosts(), income.householdSize(), 0), "declared in identification case " + caseId);
        return shown(principal, ctx.write(principal, w -> {
            Versioned<IdentificationCase> current = cases.load(w.tx(), caseId);
            IdentificationCase c = current.value();
            IdentificationStage to = cases.transition(caseId, c.stage(), IdentificationAction.REGISTER);
            IdentificationCase next = c.with(to, null, cases.sign(principal, IdentificationAction.REGISTER, c.stage(),
                    "household " + stored.id())).withHousehold(stored.id());
            cases.store().save(w.tx(), next, current.version());
            cases.auditStep(w, c, next, IdentificationAction.REGISTER, "household " + stored.id());
            w.audit("household", stored.id(), stored.region(), "identification",
                    "identified " + c.year() + " through case " + caseId + ": " + summary(next), null, null);
            return next;
        }));
    }

    /**
     * {@link #register} for a list of APPROVED cases: the cards are filed with one bulk registration and their
     * declared incomes recorded together; each case then records its household id. All or none, as each bulk step.
     */
    public List<IdentificationCase> registerAll(Principal principal, List<String> caseIds) {
        List<IdentificationCase> approved = ctx.read(tx -> cases.loadAll(tx, caseIds)).stream().map(Versioned::value)
                .toList();
        for (IdentificationCase c : approved) {
            ctx.guard().require(principal, Permission.READ, c.region(), "read identification cases");
            IdentificationAction.REGISTER.apply(c.id(), c.stage());
        }
        if (approved.isEmpty()) {
            return List.of();
        }
        // Each household's history links it to its case through the "identification" entry written below.
        List<Household> stored = registry.registerAll(principal,
                approved.stream().map(IdentificationCase::applicant).toList(),
                "identification case approved (" + approved.size() + " registered together)");
        List<IncomeStatement> incomes = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            IncomeStatement income = approved.get(i).income();
            incomes.add(new IncomeStatement(stored.get(i).id(), income.year(), income.items(),
                    income.productionCosts(), income.householdSize(), 0));
        }
        registry.recordIncomes(principal, incomes, "declared in the identification case");
        return shownAll(principal, ctx.write(principal, w -> {
            List<Versioned<IdentificationCase>> current = cases.loadAll(w.tx(), caseIds);
            List<Versioned<IdentificationCase>> toSave = new ArrayList<>(current.size());
            List<IdentificationCase> out = new ArrayList<>(current.size());
            for (int i = 0; i < current.size(); i++) {
                IdentificationCase c = current.get(i).value();
                Household h = stored.get(i);
                IdentificationStage to = cases.transition(c.id(), c.stage(), IdentificationAction.REGISTER);
                IdentificationCase next = c.with(to, null, cases.sign(principal, IdentificationAction.REGISTER,
                        c.stage(), "household " + h.id())).withHousehold(h.id());
                toSave.add(new Versioned<>(next, current.get(i).version()));
                cases.auditStep(w, c, next, IdentificationAction.REGISTER, "household " + h.id());
                w.audit("household", h.id(), h.region(), "identification",
                        "identified " + c.year() + " through case " + c.id() + ": " + summary(next), null, null);
                out.add(next);
            }
            cases.store().saveAll(w.tx(), toSave);
            return out;
        }));
    }

    /** The household withdraws its application (撤回). */
    public IdentificationCase withdraw(Principal principal, String caseId, String note) {
        return shown(principal, step(principal, caseId, IdentificationAction.WITHDRAW, Permission.WRITE, null, note, (c, t) -> c));
    }

    /**
     * A reviewer clears a cross-check hit with a reason (疑点核销), e.g. the vehicle is a farm tricycle; an audited
     * override that lets approval proceed.
     */
    public IdentificationCase clearFinding(Principal principal, String caseId, CitizenId citizenId, String source,
            String reason) {
        requireReason(reason, "clearing a cross-check hit");
        return shown(principal, ctx.write(principal, w -> {
            Versioned<IdentificationCase> current = cases.load(w.tx(), caseId);
            IdentificationCase c = current.value();
            ctx.guard().require(principal, Permission.APPROVE, c.region(), "clear cross-check hits");
            List<CrossCheckFinding> updated = new ArrayList<>();
            boolean found = false;
            for (CrossCheckFinding f : c.findings()) {
                if (!f.cleared() && f.hit().citizenId().equals(citizenId) && f.hit().source().equals(source)) {
                    updated.add(f.clear(principal.userId(), ctx.clock().instant(), reason));
                    found = true;
                } else {
                    updated.add(f);
                }
            }
            if (!found) {
                throw new WorkflowException("workflow.hit_not_found", "identification case " + caseId,
                        citizenId.masked(), source);
            }
            IdentificationCase next = c.withFindings(updated);
            cases.store().save(w.tx(), next, current.version());
            w.audit(KIND, caseId, c.region(), "crosscheck-override", reason, c.findings(), next.findings());
            return next;
        }));
    }

    /** A case that must exist and lie in the principal's scope, its applicant masked for the principal. */
    public IdentificationCase get(Principal principal, String caseId) {
        IdentificationCase c = stored(principal, caseId);
        reads.record(principal, MaskingProfile.defaultFor(principal), caseId, c.region(), "identification.get",
                java.util.Map.of());
        return shown(principal, c);
    }

    private IdentificationCase stored(Principal principal, String caseId) {
        return cases.get(principal, caseId);
    }

    /** A case as the principal may see it: the applicant and the IDs of cross-check hits masked. */
    private IdentificationCase shown(Principal principal, IdentificationCase c) {
        MaskingProfile profile = MaskingProfile.defaultFor(principal);
        if (profile == MaskingProfile.FULL) {
            return c;
        }
        return new IdentificationCase(c.id(), c.year(), c.region(), disclosure.household(c.applicant(), profile),
                c.income(), c.stage(), c.noticeOpenedOn(), c.lastVote(), c.eligibility(), c.exclusion(),
                c.findings().stream().map(f -> masked(f, profile)).toList(), c.objections(), c.steps(),
                c.householdId());
    }

    private CrossCheckFinding masked(CrossCheckFinding f, MaskingProfile profile) {
        CrossCheckHit hit = f.hit();
        return new CrossCheckFinding(new CrossCheckHit(hit.source(), hit.citizenId().redacted(), hit.category(),
                disclosure.text(hit.detail(), profile)), f.cleared(), f.clearedBy(), f.clearedAt(),
                disclosure.text(f.reason(), profile));
    }

    private List<IdentificationCase> shownAll(Principal principal, List<IdentificationCase> cases) {
        return cases.stream().map(c -> shown(principal, c)).toList();
    }

    /** Cases inside {@code area} (narrowed to the scope) for a year, or every year when {@code year} is null. */
    public List<IdentificationCase> list(Principal principal, RegionCode area, Integer year) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        List<IdentificationCase> found = cases.list(principal, effective, year);
        reads.record(principal, MaskingProfile.defaultFor(principal), effective.value(), effective,
                "identification.list", java.util.Map.of("cases", found.size()));
        return shownAll(principal, found);
    }

    /**
     * Open cases inside {@code area} not decided within the policy's entry decision days of their application
     * (超期未办结), most overdue first. The list names cases and stages only, no personal data.
     */
    public List<OverdueCase> overdue(Principal principal, RegionCode area, LocalDate asOf) {
        return cases.overdue(principal, area, asOf, c -> {
            LocalDate opened = cases.openedOn(c);
            return opened.plusDays(engine.terms(c.region(), opened).entryDecisionDays());
        });
    }

    private IdentificationCase step(Principal principal, String caseId, IdentificationAction action,
            Permission permission, RegionLevel level, String note, CaseEngine.Change<IdentificationCase> change) {
        return stepAll(principal, List.of(caseId), action, permission, level, note, change).get(0);
    }

    /** One step for every listed case in one unit of work through the case engine; all or none. */
    private List<IdentificationCase> stepAll(Principal principal, List<String> caseIds, IdentificationAction action,
            Permission permission, RegionLevel level, String note, CaseEngine.Change<IdentificationCase> change) {
        return ctx.write(principal, w -> cases.stepIn(w, caseIds,
                new CaseEngine.Step<>(action, permission, level, note, change),
                (c, to, today, step) -> c.with(to, to == IdentificationStage.FIRST_NOTICE
                        || to == IdentificationStage.SECOND_NOTICE ? today : null, step)).stream()
                .map(CaseEngine.Stepped::after).toList());
    }

    private void noticeRan(IdentificationCase c, LocalDate today) {
        cases.requireNoticeRan(c.id(), c.noticeOpenedOn(), engine.terms(c.region(), c.noticeOpenedOn())
                .entryNoticeDays(), today);
    }

    private static void requireReason(String reason, String what) {
        CaseEngine.requireReason(reason, what);
    }

    private static List<CrossCheckFinding> merge(List<CrossCheckFinding> existing, List<CrossCheckHit> hits) {
        List<CrossCheckFinding> out = new ArrayList<>(existing);
        Set<CrossCheckHit> known = new HashSet<>();
        existing.forEach(f -> known.add(f.hit()));
        for (CrossCheckHit h : hits) {
            if (known.add(h)) {
                out.add(CrossCheckFinding.open(h));
            }
        }
        return out;
    }

    private static List<CitizenId> memberIds(Household h) {
        return h.members().stream().map(Member::citizenId).filter(Objects::nonNull).toList();
    }

    private static String summary(IdentificationCase c) {
        StringBuilder sb = new StringBuilder();
        for (WorkflowStep s : c.steps()) {
            sb.append(sb.length() == 0 ? "" : " → ").append(IdentificationAction.valueOf(s.action()).label())
                    .append(" (").append(s.actorName()).append(')');
        }
        return sb.toString();
    }

    private void validateApplication(org.jingzhun.spi.storage.StorageTransaction tx, String caseId, int year,
            Household h, IncomeStatement income) {
        String record = "identification case " + caseId;
        List<Violation> problems = new ArrayList<>(ctx.validation().validate(record, h));
        problems.addAll(ctx.validation().validate(record + " income", income));
        if (income.year() != year) {
            problems.add(Violation.of(record, "income.year", "validation.invalid_value", income.year(),
                    "the income statement must be of " + year));
        }
        if (income.householdSize() != h.members().size()) {
            problems.add(Violation.of(record, "income.householdSize", "validation.income_size_mismatch",
                    income.householdSize(), h.members().size()));
        }
        if (h.region() != null) {
            Region region = tx.regions().find(h.region()).orElse(null);
            if (region == null) {
                problems.add(Violation.of(record, "region", "validation.region_unknown", h.region()));
            } else if (region.level() != RegionLevel.VILLAGE) {
                problems.add(Violation.of(record, "region", "validation.region_not_village", h.region(),
                        region.level().label()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private LocalDate today() {
        return LocalDate.now(ctx.clock());
    }
}

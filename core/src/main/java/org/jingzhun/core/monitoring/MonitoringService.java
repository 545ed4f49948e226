package org.jingzhun.core.monitoring;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Objects;
import org.jingzhun.core.disclosure.Disclosure;
import org.jingzhun.core.disclosure.MaskingProfile;
import org.jingzhun.core.identification.Objection;
import org.jingzhun.core.internal.CaseEngine;
import org.jingzhun.core.procedure.OverdueCase;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.monitoring.MonitoringLead;
import org.jingzhun.spi.monitoring.MonitoringLeadSource;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.policy.MonitoringCategory;
import org.jingzhun.spi.policy.ProcedureTerms;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.storage.StorageTransaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.DocumentStore;
import org.jingzhun.core.internal.HouseholdFactsStore;
import org.jingzhun.core.internal.ReadAudit;
import org.jingzhun.core.policy.PolicyEngine;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.policy.Decision;
import org.jingzhun.spi.policy.HouseholdFacts;
import org.jingzhun.spi.policy.MonitoringAssessment;
import org.jingzhun.spi.region.RegionCode;

/**
 * Relapse monitoring (防止返贫动态监测): applies the monitoring rule in force to the households of an area for a year
 * and flags those at risk as monitored households (脱贫不稳定户, 边缘易致贫户, 突发严重困难户), each with its
 * explanation; later clears a household's risk (风险消除) when the rule says so. Households still counted as poor are
 * under assistance already and are not flagged. Flags and clearances are audited on the household.
 *
 * <p>The monitoring procedure (监测对象识别程序, REFERENCE §6) runs on the shared {@code CaseEngine}: a lead from the
 * household's own report, a cadre's visit or a sector's data push ({@link MonitoringLeadSource}) → village
 * verification with the proposed category → village notice (at least the policy's monitoring notice days, 5 by
 * default; the notice shows only what {@link MaskingProfile#PUBLIC_NOTICE} allows) → township check → county
 * decision (within the policy's decision days of the lead, 15 by default; later cases are listed as overdue), which
 * makes the household a monitored household → assistance plan and paired cadre → risk clearance only after the
 * stable period and when the rule says the risk is gone. Each step is signed, dated, audited under
 * {@code monitoring-case} and written to the household's history.
 */
public final class MonitoringService {
    /** Document kind of monitoring records. */
    public static final String KIND = "monitoring-record";
    static final String CASE_KIND = "monitoring-case";
    private static final String HOUSEHOLD = "household";

    private final CoreContext ctx;
    private final PolicyEngine engine;
    private final HouseholdFactsStore facts;
    private final DocumentStore<MonitoringRecord> store;
    private final CaseEngine<MonitoringCase, MonitoringStage, MonitoringAction> cases;
    private final Disclosure disclosure;
    private final List<MonitoringLeadSource> sources;
    private final ReadAudit reads;

    public MonitoringService(CoreContext ctx, PolicyEngine engine, HouseholdFactsStore facts, Disclosure disclosure,
            List<MonitoringLeadSource> sources) {
        this.ctx = ctx;
        this.engine = engine;
        this.facts = facts;
        this.disclosure = disclosure;
        this.sources = List.copyOf(sources);
        this.reads = new ReadAudit(ctx);
        this.cases = new CaseEngine<>(ctx, CASE_KIND, "monitoring case", MonitoringCase.class,
                MonitoringAction.class, MonitoringCase::year, MonitoringCase::householdId);
        this.store = new DocumentStore<>(KIND, MonitoringRecord.class, ctx.json(), MonitoringRecord::id,
                MonitoringRecord::region, MonitoringRecord::year).withSubject(MonitoringRecord::householdId);
    }

    /**
     * Assesses every active household inside {@code area} that is not counted as poor (EXITED or NON_POOR) and not
     * already monitored, and flags those the rule picks. Needs APPROVE (the county decides).
     *
     * @return the records created by this call
     */
    public List<MonitoringRecord> flag(Principal principal, RegionCode area, int year, String reason) {
        ctx.guard().require(principal, Permission.APPROVE, area, "flag monitored households");
        LocalDate today = LocalDate.now(ctx.clock());
        LocalDate asOf = HouseholdFactsStore.decisionDate(year, today);
        return ctx.write(principal, w -> {
            Set<String> monitored = new HashSet<>();
            for (Versioned<MonitoringRecord> r : store.all(w.tx(), area, null)) {
                if (r.value().status() == MonitoringStatus.MONITORED) {
                    monitored.add(r.value().householdId());
                }
            }
            List<MonitoringRecord> created = new ArrayList<>();
            List<Household> candidates = new ArrayList<>();
            w.tx().households().forEachWithin(area, EnumSet.of(PovertyStatus.EXITED, PovertyStatus.NON_POOR), h -> {
                if (!monitored.contains(h.id())) {
                    candidates.add(h);
                }
            });
            Map<String, HouseholdFacts> all = facts.factsWithin(w.tx(), area, candidates, year, asOf);
            List<Versioned<MonitoringRecord>> toStore = new ArrayList<>();
            for (Household h : candidates) {
                MonitoringAssessment a = engine.monitoring(all.get(h.id()));
                if (a.flagged()) {
                    MonitoringRecord r = new MonitoringRecord(h.id() + "." + year, h.id(), h.region(), year,
                            a.category(), MonitoringStatus.MONITORED, today, a.explanation(), null, null, null);
                    toStore.add(new Versioned<>(r, 0));
                    w.audit("household", h.id(), h.region(), "monitoring-flag", a.category().label() + ": "
                            + a.explanation().result() + (reason == null ? "" : " — " + reason), null, r);
                    created.add(r);
                }
            }
            store.saveAll(w.tx(), toStore);
            return created;
        });
    }

    /**
     * Clears a monitored household's risk (风险消除) when the monitoring rule, on the facts of {@code year}, says it
     * is cleared; otherwise refused with the rule's explanation.
     */
    public MonitoringRecord clearRisk(Principal principal, String recordId, int year, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new WorkflowException("workflow.reason_required", "clearing a risk");
        }
        return ctx.write(principal, w -> {
            Versioned<MonitoringRecord> current = load(w.tx(), recordId);
            MonitoringRecord r = current.value();
            ctx.guard().require(principal, Permission.APPROVE, r.region(), "clear monitoring risk");
            if (r.status() != MonitoringStatus.MONITORED) {
                throw new WorkflowException("workflow.illegal_step", "monitoring record", recordId, "风险消除",
                        r.status());
            }
            Household h = w.tx().households().find(r.householdId())
                    .orElseThrow(() -> new NotFoundException("household.not_found", r.householdId()));
            HouseholdFacts f = facts.facts(w.tx(), h, year,
                    HouseholdFactsStore.decisionDate(year, LocalDate.now(ctx.clock())));
            Decision d = engine.riskCleared(f);
            if (!d.positive()) {
                throw new WorkflowException("workflow.risk_remains", h.id(), d.explanation().result());
            }
            MonitoringRecord next = new MonitoringRecord(r.id(), r.householdId(), r.region(), r.year(), r.category(),
                    MonitoringStatus.RISK_CLEARED, r.flaggedOn(), r.why(), LocalDate.now(ctx.clock()), d, reason);
            store.save(w.tx(), next, current.version());
            w.audit("household", h.id(), h.region(), "monitoring-clear", reason, r, next);
            return next;
        });
    }

    /** Monitoring records inside {@code area} (narrowed to the scope), all years. */
    public List<MonitoringRecord> list(Principal principal, RegionCode area) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return ctx.read(tx -> store.all(tx, effective, null).stream().map(Versioned::value).toList());
    }

    /** Monitoring records of one category inside {@code area} (narrowed to the scope), all years. */
    public List<MonitoringRecord> list(Principal principal, RegionCode area, MonitoringCategory category) {
        Objects.requireNonNull(category, "category");
        return list(principal, area).stream().filter(r -> r.category() == category).toList();
    }

    /**
     * Opens a monitoring case from a household's own report (自主申报) or a cadre's visit (走访排查). Refused while
     * the household is monitored or has an open case; households still counted poor are assisted already.
     *
     * @param source who reported it: the household member or the cadre
     * @param lead   what was reported
     */
    public MonitoringCase report(Principal principal, String householdId, int year, LeadKind kind, String source,
            String lead) {
        Objects.requireNonNull(kind, "kind");
        CaseEngine.requireReason(lead, "a monitoring lead");
        CaseEngine.requireReason(source, "the source of a monitoring lead");
        if (kind == LeadKind.SECTOR) {
            throw new WorkflowException("workflow.sector_lead_by_hand", householdId);
        }
        return shown(principal, ctx.write(principal, w -> {
            Household h = w.tx().households().find(householdId)
                    .orElseThrow(() -> new NotFoundException("household.not_found", householdId));
            ctx.guard().require(principal, Permission.WRITE, h.region(), MonitoringAction.REPORT.label());
            Set<String> busy = busy(w.tx(), RegionCode.of(h.countyCode()), Set.of(h.id()));
            if (busy.contains(h.id())) {
                throw new WorkflowException("workflow.case_open", h.id(), "monitoring case", "-");
            }
            requireNotPoor(h);
            return open(w, List.of(new Lead(h, kind, source, lead)), year).get(0);
        }));
    }

    /**
     * Asks every sector source (medical, disaster, civil affairs, employment) about the members of the households
     * inside {@code area} not counted poor, and opens one sector lead case per household with warnings, unless it is
     * monitored or has an open case already.
     *
     * @return the cases opened
     */
    public List<MonitoringCase> collectLeads(Principal principal, RegionCode area, int year) {
        ctx.guard().require(principal, Permission.WRITE, area, "collect monitoring leads");
        return shownAll(principal, ctx.write(principal, w -> {
            Map<CitizenId, Household> byMember = new HashMap<>();
            w.tx().households().forEachWithin(area, EnumSet.of(PovertyStatus.EXITED, PovertyStatus.NON_POOR), h -> {
                for (Member m : h.members()) {
                    if (m.citizenId() != null) {
                        byMember.put(m.citizenId(), h);
                    }
                }
            });
            Map<String, List<MonitoringLead>> found = new LinkedHashMap<>();
            Map<String, Household> households = new HashMap<>();
            for (MonitoringLeadSource source : sources) {
                for (MonitoringLead l : source.leads(byMember.keySet(), year)) {
                    Household h = byMember.get(l.citizenId());
                    if (h != null) {
                        found.computeIfAbsent(h.id(), k -> new ArrayList<>()).add(l);
                        households.put(h.id(), h);
                    }
                }
            }
            Set<String> busy = busy(w.tx(), area, found.keySet());
            List<Lead> leads = new ArrayList<>();
            for (Map.Entry<String, List<MonitoringLead>> e : found.entrySet()) {
                if (busy.contains(e.getKey())) {
                    continue;
                }
                List<MonitoringLead> ls = e.getValue();
                StringBuilder text = new StringBuilder();
                ls.forEach(l -> text.append(text.length() == 0 ? "" : "; ").append(l.sector().label()).append(": ")
                        .append(l.detail()));
                leads.add(new Lead(households.get(e.getKey()), LeadKind.SECTOR,
                        ls.stream().map(MonitoringLead::source).distinct().reduce((a, b) -> a + "," + b).orElseThrow(),
                        text.toString()));
            }
            return leads.isEmpty() ? List.<MonitoringCase>of() : open(w, leads, year);
        }));
    }

    /** A household and what its lead says, before a case is opened. */
    private record Lead(Household household, LeadKind kind, String source, String text) {
    }

    private List<MonitoringCase> open(CoreContext.Work w, List<Lead> leads, int year) {
        Principal principal = w.principal();
        LocalDate today = cases.today();
        Map<String, List<Lead>> byCounty = new LinkedHashMap<>();
        leads.forEach(l -> byCounty.computeIfAbsent(l.household().countyCode(), k -> new ArrayList<>()).add(l));
        List<MonitoringCase> out = new ArrayList<>();
        List<Versioned<MonitoringCase>> toSave = new ArrayList<>();
        for (List<Lead> inCounty : byCounty.values()) {
            Iterator<String> ids = cases.newIds(w.tx(), inCounty.get(0).household().region(), inCounty.size())
                    .iterator();
            for (Lead l : inCounty) {
                Household h = l.household();
                String note = l.kind().label() + ": " + l.text();
                MonitoringCase c = new MonitoringCase(ids.next(), h.id(), h.region(), year, l.kind(), l.source(),
                        l.text(), today, null, null, MonitoringStage.LEAD, null, null, null, null, null, List.of(),
                        List.of(cases.sign(principal, MonitoringAction.REPORT, null, l.kind().label())));
                toSave.add(new Versioned<>(c, 0));
                cases.auditOpen(w, c, l.kind().label());
                w.audit(HOUSEHOLD, h.id(), h.region(), "monitoring-lead", "monitoring case " + c.id() + ": "
                        + l.kind().label(), null, null);
                out.add(c);
            }
        }
        cases.store().saveAll(w.tx(), toSave);
        return out;
    }

    /** Households among {@code ids} that are monitored or have an open monitoring case. */
    private Set<String> busy(StorageTransaction tx, RegionCode area, Set<String> ids) {
        Set<String> out = new HashSet<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Versioned<MonitoringCase> v : cases.store().all(tx, area, null)) {
            if (!v.value().stage().terminal() && ids.contains(v.value().householdId())) {
                out.add(v.value().householdId());
            }
        }
        for (Versioned<MonitoringRecord> r : store.all(tx, area, null)) {
            if (r.value().status() == MonitoringStatus.MONITORED && ids.contains(r.value().householdId())) {
                out.add(r.value().householdId());
            }
        }
        return out;
    }

    private static void requireNotPoor(Household h) {
        if (h.status().poor() || !h.status().active()) {
            throw new WorkflowException("workflow.status", h.id(), h.status().label(), MonitoringAction.REPORT.label(),
                    PovertyStatus.EXITED.label() + "/" + PovertyStatus.NON_POOR.label());
        }
    }

    /**
     * The village verifies a lead (入户核实) and proposes a category; the monitoring rule's view on the household's
     * facts of the case year is kept beside it. Not passing dismisses the lead (a reason is required).
     */
    public MonitoringCase verify(Principal principal, String caseId, MonitoringCategory category, boolean pass,
            String note) {
        if (!pass) {
            CaseEngine.requireReason(note, "dismissing a monitoring lead");
            return step(principal, caseId, MonitoringAction.VERIFY_DISMISS, Permission.WRITE, null, note,
                    (w, c, today) -> c);
        }
        Objects.requireNonNull(category, "category");
        return step(principal, caseId, MonitoringAction.VERIFY, Permission.WRITE, null, note, (w, c, today) -> {
            Household h = w.tx().households().find(c.householdId())
                    .orElseThrow(() -> new NotFoundException("household.not_found", c.householdId()));
            HouseholdFacts f = facts.facts(w.tx(), h, c.year(), HouseholdFactsStore.decisionDate(c.year(), today));
            return c.proposed(category, engine.monitoring(f));
        });
    }

    /** Opens the notice in the village (村内公示) of a verified case. */
    public MonitoringCase openNotice(Principal principal, String caseId, String note) {
        return step(principal, caseId, MonitoringAction.OPEN_NOTICE, Permission.WRITE, null, note,
                (w, c, today) -> c);
    }

    /** An objection during the notice: back to verification, objection kept. */
    public MonitoringCase object(Principal principal, String caseId, String raisedBy, String text) {
        CaseEngine.requireReason(text, "objection");
        return step(principal, caseId, MonitoringAction.OBJECT, Permission.WRITE, null, text,
                (w, c, today) -> c.withObjection(new Objection(today, c.stage().name(), raisedBy, text)));
    }

    /** The township's check (乡镇审核) after the notice ran its days; township level or above. */
    public MonitoringCase townshipCheck(Principal principal, String caseId, boolean pass, String note) {
        if (!pass) {
            CaseEngine.requireReason(note, "a township dismissing a monitoring lead");
        }
        return step(principal, caseId, pass ? MonitoringAction.TOWNSHIP_PASS : MonitoringAction.TOWNSHIP_DISMISS,
                Permission.APPROVE, RegionLevel.TOWNSHIP, note, (w, c, today) -> {
                    cases.requireNoticeRan(c.id(), c.noticeOpenedOn(), terms(c).monitoringNoticeDays(), today);
                    return c;
                });
    }

    /**
     * The county's decision (县级确定); county level. Deciding makes the household a monitored household of the
     * proposed category: a monitoring record is stored beside the case (its id is the case id).
     */
    public MonitoringCase countyDecide(Principal principal, String caseId, boolean monitor, String note) {
        if (!monitor) {
            CaseEngine.requireReason(note, "a county dismissing a monitoring lead");
            return step(principal, caseId, MonitoringAction.COUNTY_DISMISS, Permission.APPROVE, RegionLevel.COUNTY,
                    note, (w, c, today) -> c);
        }
        return step(principal, caseId, MonitoringAction.COUNTY_DECIDE, Permission.APPROVE, RegionLevel.COUNTY, note,
                (w, c, today) -> {
                    MonitoringRecord r = new MonitoringRecord(c.id(), c.householdId(), c.region(), c.year(),
                            c.category(), MonitoringStatus.MONITORED, today, c.ruleView() == null ? null
                                    : c.ruleView().explanation(), null, null, null);
                    store.save(w.tx(), r, 0);
                    w.audit(HOUSEHOLD, c.householdId(), c.region(), "monitoring-flag", c.category().label()
                            + " (monitoring case " + c.id() + ")" + (note == null ? "" : " — " + note), null, r);
                    return c.decided(today);
                });
    }

    /** Sets or replaces the assistance measures and the paired cadre (帮扶措施、结对干部) of a monitored household. */
    public MonitoringCase assist(Principal principal, String caseId, List<String> measures, String cadreId,
            String cadreName, String note) {
        if (measures == null || measures.isEmpty() || measures.stream().anyMatch(m -> m == null || m.isBlank())) {
            throw new WorkflowException("workflow.reason_required", "assistance measures");
        }
        CaseEngine.requireReason(cadreId, "the paired cadre");
        return step(principal, caseId, MonitoringAction.ASSIST, Permission.WRITE, null, note,
                (w, c, today) -> c.withPlan(new AssistancePlan(measures, cadreId, cadreName, today)));
    }

    /**
     * Clears the risk (风险消除) of a monitored household, county level: only with an assistance plan, after the
     * policy's stable period since the county decision, and when the monitoring rule, on the facts of {@code year},
     * says the risk is gone (income above the monitoring line). The monitoring record is cleared with it.
     */
    public MonitoringCase clear(Principal principal, String caseId, int year, String reason) {
        CaseEngine.requireReason(reason, "clearing a risk");
        return step(principal, caseId, MonitoringAction.CLEAR, Permission.APPROVE, RegionLevel.COUNTY, reason,
                (w, c, today) -> {
                    if (c.plan() == null) {
                        throw new WorkflowException("workflow.no_assistance", c.id());
                    }
                    int months = terms(c).stableMonths();
                    LocalDate stableFrom = c.decidedOn().plusMonths(months);
                    if (today.isBefore(stableFrom)) {
                        throw new WorkflowException("workflow.not_stable", c.id(), c.decidedOn(), months, stableFrom);
                    }
                    Household h = w.tx().households().find(c.householdId())
                            .orElseThrow(() -> new NotFoundException("household.not_found", c.householdId()));
                    Decision d = engine.riskCleared(facts.facts(w.tx(), h, year,
                            HouseholdFactsStore.decisionDate(year, today)));
                    if (!d.positive()) {
                        throw new WorkflowException("workflow.risk_remains", h.id(), d.explanation().result());
                    }
                    Versioned<MonitoringRecord> rv = load(w.tx(), c.id());
                    MonitoringRecord r = rv.value();
                    MonitoringRecord next = new MonitoringRecord(r.id(), r.householdId(), r.region(), r.year(),
                            r.category(), MonitoringStatus.RISK_CLEARED, r.flaggedOn(), r.why(), today, d, reason);
                    store.save(w.tx(), next, rv.version());
                    w.audit(HOUSEHOLD, h.id(), h.region(), "monitoring-clear", reason, r, next);
                    return c.cleared(d, today);
                });
    }

    /** A monitoring case that must exist and lie in the principal's scope, its lead text masked as the profile says. */
    public MonitoringCase getCase(Principal principal, String caseId) {
        MonitoringCase c = cases.get(principal, caseId);
        reads.record(principal, MaskingProfile.defaultFor(principal), c.householdId(), c.region(),
                "monitoring.getCase", Map.of("case", caseId));
        return shown(principal, c);
    }

    /** Monitoring cases inside {@code area} (narrowed to the scope) of a year, or all years when null. */
    public List<MonitoringCase> cases(Principal principal, RegionCode area, Integer year) {
        List<MonitoringCase> found = cases.list(principal, area, year);
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        reads.record(principal, MaskingProfile.defaultFor(principal), effective.value(), effective,
                "monitoring.cases", Map.of("cases", found.size()));
        return shownAll(principal, found);
    }

    /**
     * Cases inside {@code area} the county has not decided within the policy's decision days of the lead (超期未研判),
     * most overdue first.
     */
    public List<OverdueCase> overdue(Principal principal, RegionCode area, LocalDate asOf) {
        return cases.overdue(principal, area, asOf, c -> c.stage().beforeDecision()
                ? c.leadOn().plusDays(terms(c).monitoringDecisionDays()) : null);
    }

    /**
     * The village notice (公示名单) of the cases on notice inside {@code area}: head's name, village, category and
     * reason only, through the public-notice masking profile, whoever asks.
     */
    public List<NoticeEntry> notice(Principal principal, RegionCode area) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return ctx.read(tx -> {
            List<MonitoringCase> on = cases.store().all(tx, effective, null).stream().map(Versioned::value)
                    .filter(c -> c.stage() == MonitoringStage.NOTICE).toList();
            Map<String, Household> households = tx.households().findAll(on.stream().map(MonitoringCase::householdId)
                    .toList());
            Map<RegionCode, String> villages = new HashMap<>();
            List<NoticeEntry> out = new ArrayList<>(on.size());
            for (MonitoringCase c : on) {
                Household h = disclosure.household(households.get(c.householdId()), MaskingProfile.PUBLIC_NOTICE);
                String village = villages.computeIfAbsent(c.region(), code -> tx.regions().find(code)
                        .map(org.jingzhun.spi.region.Region::name).orElse(code.value()));
                out.add(new NoticeEntry(c.id(), h.head().map(Member::name).orElse(""), village, c.category(),
                        disclosure.text(c.kind().label() + ": " + c.lead(), MaskingProfile.PUBLIC_NOTICE)));
            }
            return out;
        });
    }

    /** Monitoring figures of an area (narrowed to the scope): monitored and cleared by category, cases by stage. */
    public MonitoringStatistics statistics(Principal principal, RegionCode area) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        Map<MonitoringCategory, Long> monitored = new EnumMap<>(MonitoringCategory.class);
        Map<MonitoringCategory, Long> cleared = new EnumMap<>(MonitoringCategory.class);
        for (MonitoringRecord r : list(principal, effective)) {
            (r.status() == MonitoringStatus.MONITORED ? monitored : cleared).merge(r.category(), 1L, Long::sum);
        }
        Map<MonitoringStage, Long> byStage = new EnumMap<>(MonitoringStage.class);
        Map<LeadKind, Long> byLead = new EnumMap<>(LeadKind.class);
        for (MonitoringCase c : cases.list(principal, effective, null)) {
            byStage.merge(c.stage(), 1L, Long::sum);
            byLead.merge(c.kind(), 1L, Long::sum);
        }
        return new MonitoringStatistics(effective, monitored, cleared, byStage, byLead);
    }

    private ProcedureTerms terms(MonitoringCase c) {
        return engine.terms(c.region(), c.leadOn());
    }

    /** A step's checks and changes, with the unit of work for the reads and writes some steps need. */
    @FunctionalInterface
    private interface WorkChange {
        MonitoringCase apply(CoreContext.Work w, MonitoringCase c, LocalDate today);
    }

    private MonitoringCase step(Principal principal, String caseId, MonitoringAction action, Permission permission,
            RegionLevel level, String note, WorkChange change) {
        return shown(principal, ctx.write(principal, w -> {
            CaseEngine.Stepped<MonitoringCase> s = cases.stepIn(w, List.of(caseId),
                    new CaseEngine.Step<>(action, permission, level, note, (c, today) -> change.apply(w, c, today)),
                    (c, to, today, step) -> c.with(to, to == MonitoringStage.NOTICE ? today : c.noticeOpenedOn(),
                            step)).get(0);
            // Deciding and clearing write their own, richer history lines (monitoring-flag, monitoring-clear).
            if (action != MonitoringAction.COUNTY_DECIDE && action != MonitoringAction.CLEAR) {
                w.audit(HOUSEHOLD, s.before().householdId(), s.before().region(), "monitoring-"
                        + action.name().toLowerCase(Locale.ROOT).replace('_', '-'), "monitoring case " + caseId
                        + ": " + action.label() + (note == null || note.isBlank() ? "" : " — " + note), null, null);
            }
            return s.after();
        }));
    }

    /** A case as the principal may see it: the lead text masked by the principal's default profile. */
    private MonitoringCase shown(Principal principal, MonitoringCase c) {
        MaskingProfile profile = MaskingProfile.defaultFor(principal);
        return profile == MaskingProfile.FULL ? c : c.withLead(disclosure.text(c.lead(), profile));
    }

    private List<MonitoringCase> shownAll(Principal principal, List<MonitoringCase> cs) {
        return cs.stream().map(c -> shown(principal, c)).toList();
    }

    private Versioned<MonitoringRecord> load(org.jingzhun.spi.storage.StorageTransaction tx, String id) {
        return store.find(tx, id.substring(0, Math.min(6, id.length())), id)
                .orElseThrow(() -> new NotFoundException("case.not_found", "monitoring record", id));
    }
}

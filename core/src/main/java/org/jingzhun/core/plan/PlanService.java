package org.jingzhun.core.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.DocumentStore;
import org.jingzhun.core.internal.LatestIncomes;
import org.jingzhun.core.pairing.PairingService;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.pairing.CadrePairing;
import org.jingzhun.spi.plan.HouseholdPlan;
import org.jingzhun.spi.plan.Measure;
import org.jingzhun.spi.plan.MeasureStatus;
import org.jingzhun.spi.plan.MeasureType;
import org.jingzhun.spi.plan.ProgressNote;
import org.jingzhun.spi.plan.VillageAdvancement;
import org.jingzhun.spi.plan.VillagePlan;
import org.jingzhun.spi.plan.VillageProject;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.storage.StorageTransaction;

/**
 * Assistance plans: household plans (一户一策) suggested from the household's causes and gaps and then edited by
 * people, village plans (一村一策) and three-year whole-village advancement (整村推进) with its commitment check. Plans
 * are versioned documents; every change is audited, household plans under the household so its history shows them.
 * Writing needs WRITE in a scope covering the household or village; reading needs READ.
 */
public final class PlanService {
    /** The stored document kind of household plans, also read (never written) by the donors' needs list. */
    public static final String HOUSEHOLD_PLAN = "household-plan";
    static final String VILLAGE_PLAN = "village-plan";
    static final String ADVANCEMENT = "village-advancement";
    private static final String HOUSEHOLD = "household";

    private final CoreContext ctx;
    private final MeasureCatalogue catalogue;
    private final PlanDrafter drafter;
    private final PairingService pairing;
    private final DocumentStore<HouseholdPlan> householdPlans;
    private final DocumentStore<VillagePlan> villagePlans;
    private final DocumentStore<VillageAdvancement> advancements;

    public PlanService(CoreContext ctx, MeasureCatalogue catalogue, PairingService pairing) {
        this.ctx = ctx;
        this.catalogue = catalogue;
        this.drafter = new PlanDrafter(catalogue);
        this.pairing = pairing;
        this.householdPlans = new DocumentStore<>(HOUSEHOLD_PLAN, HouseholdPlan.class, ctx.json(), HouseholdPlan::id,
                HouseholdPlan::region, HouseholdPlan::year);
        this.villagePlans = new DocumentStore<>(VILLAGE_PLAN, VillagePlan.class, ctx.json(), VillagePlan::id,
                VillagePlan::village, VillagePlan::year);
        this.advancements = new DocumentStore<>(ADVANCEMENT, VillageAdvancement.class, ctx.json(),
                VillageAdvancement::id, VillageAdvancement::village, VillageAdvancement::startYear);
    }

    /** The measure catalogue and cause mapping in use. */
    public MeasureCatalogue catalogue() {
        return catalogue;
    }

    // ---------------------------------------------------------------- household plans (一户一策)

    /**
     * A draft plan for a household and year, not stored: needs from its causes and gaps, measures suggested for
     * them (see {@link MeasureCatalogue}), its current cadre as responsible.
     *
     * @param incomeGoal per-capita net income to reach (e.g. the year's poverty line or a local exit standard)
     */
    public HouseholdPlan suggestHouseholdPlan(Principal principal, String householdId, int year,
            BigDecimal incomeGoal) {
        Objects.requireNonNull(incomeGoal, "incomeGoal");
        return ctx.read(tx -> {
            Household h = household(tx, householdId);
            ctx.guard().require(principal, Permission.READ, h.region(), "read plans");
            return draft(tx, h, year, incomeGoal);
        });
    }

    /** Stores the suggested draft as the household's plan for the year; refused when a plan exists. */
    public Versioned<HouseholdPlan> createHouseholdPlan(Principal principal, String householdId, int year,
            BigDecimal incomeGoal, String reason) {
        Objects.requireNonNull(incomeGoal, "incomeGoal");
        return ctx.write(principal, w -> {
            Household h = household(w.tx(), householdId);
            requireWrite(principal, h.region());
            if (householdPlans.find(w.tx(), h.countyCode(), HouseholdPlan.idOf(householdId, year)).isPresent()) {
                throw new WorkflowException("plan.exists", householdId, year);
            }
            return insert(w, draft(w.tx(), h, year, incomeGoal), reason);
        });
    }

    /**
     * Drafts and stores a plan for every poor household of an area that has none for the year, in one unit of work.
     *
     * @return the new plans, household id order
     */
    public List<Versioned<HouseholdPlan>> generateHouseholdPlans(Principal principal, RegionCode area, int year,
            BigDecimal incomeGoal, String reason) {
        Objects.requireNonNull(incomeGoal, "incomeGoal");
        requireWrite(principal, area);
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            Set<String> planned = new HashSet<>();
            householdPlans.all(tx, area, year).forEach(v -> planned.add(v.value().householdId()));
            List<Household> toPlan = new ArrayList<>();
            tx.households().forEachWithin(area, PovertyStatus.poorStatuses(), h -> {
                if (!planned.contains(h.id())) {
                    toPlan.add(h);
                }
            });
            // The incomes and cadres of the households to plan are read in bulk; the plans are stored with one bulk
            // save.
            Map<String, IncomeStatement> incomes = LatestIncomes.upTo(tx, area,
                    toPlan.stream().map(Household::id).toList(), year);
            Map<String, CadrePairing> cadres = new java.util.HashMap<>();
            toPlan.stream().collect(java.util.stream.Collectors.groupingBy(Household::countyCode,
                            java.util.stream.Collectors.mapping(Household::id, java.util.stream.Collectors.toList())))
                    .forEach((county, ids) -> cadres.putAll(pairing.currentCadres(tx, county, ids)));
            List<Versioned<HouseholdPlan>> drafts = new ArrayList<>(toPlan.size());
            for (Household h : toPlan) {
                CadrePairing cadre = cadres.get(h.id());
                HouseholdPlan plan = drafter.draft(h, Optional.ofNullable(incomes.get(h.id())), year, incomeGoal,
                        cadre == null ? null : cadre.cadreId());
                check(plan, h, null);
                drafts.add(new Versioned<>(plan, 0));
                w.audit(HOUSEHOLD, h.id(), plan.region(), "create-plan", reason, null, plan);
            }
            return householdPlans.saveAll(tx, drafts);
        });
    }

    /**
     * Stores an edited plan. {@code expectedVersion} is the version read (0 to store a plan written from scratch).
     * Measure ids must be unique, the region must be the household's village, and no measure may move backwards
     * in status or leave a final status.
     */
    public Versioned<HouseholdPlan> saveHouseholdPlan(Principal principal, HouseholdPlan plan, long expectedVersion,
            String reason) {
        Objects.requireNonNull(plan, "plan");
        return ctx.write(principal, w -> {
            Household h = household(w.tx(), plan.householdId());
            requireWrite(principal, h.region());
            Optional<Versioned<HouseholdPlan>> before = householdPlans.find(w.tx(), h.countyCode(), plan.id());
            check(plan, h, before.map(Versioned::value).orElse(null));
            Versioned<HouseholdPlan> stored = householdPlans.save(w.tx(), plan, expectedVersion);
            w.audit(HOUSEHOLD, h.id(), h.region(), before.isEmpty() ? "create-plan" : "edit-plan", reason,
                    before.map(Versioned::value).orElse(null), plan);
            return stored;
        });
    }

    /**
     * Records progress on one measure: its new status (or the same) and a note by the calling user dated today.
     */
    public Versioned<HouseholdPlan> recordMeasureProgress(Principal principal, String householdId, int year,
            String measureId, MeasureStatus status, String note, long expectedVersion) {
        return ctx.write(principal, w -> {
            Household h = household(w.tx(), householdId);
            requireWrite(principal, h.region());
            Versioned<HouseholdPlan> current = householdPlans.find(w.tx(), h.countyCode(),
                    HouseholdPlan.idOf(householdId, year))
                    .orElseThrow(() -> new NotFoundException("plan.not_found", householdId, year));
            Measure m = current.value().measure(measureId)
                    .orElseThrow(() -> new NotFoundException("plan.measure_not_found", measureId, householdId));
            if (!m.status().canMoveTo(status)) {
                throw new WorkflowException("plan.measure_transition", measureId, m.status().label(), status.label());
            }
            ProgressNote pn = note == null || note.isBlank() ? null
                    : new ProgressNote(ctx.clock().instant().atZone(ctx.clock().getZone()).toLocalDate(),
                            principal.displayName(), note);
            List<Measure> next = current.value().measures().stream()
                    .map(x -> x.id().equals(measureId) ? x.withProgress(status, pn) : x).toList();
            HouseholdPlan plan = current.value().withMeasures(next);
            check(plan, h, current.value());
            Versioned<HouseholdPlan> stored = householdPlans.save(w.tx(), plan, expectedVersion);
            w.audit(HOUSEHOLD, h.id(), h.region(), "measure-progress", note, current.value(), plan);
            return stored;
        });
    }

    public Optional<Versioned<HouseholdPlan>> householdPlan(Principal principal, String householdId, int year) {
        return ctx.read(tx -> {
            Household h = household(tx, householdId);
            ctx.guard().require(principal, Permission.READ, h.region(), "read plans");
            return householdPlans.find(tx, h.countyCode(), HouseholdPlan.idOf(householdId, year));
        });
    }

    /** Household plans of the year inside an area (narrowed to the principal's scope), household id order. */
    public List<Versioned<HouseholdPlan>> householdPlans(Principal principal, RegionCode area, int year) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return ctx.read(tx -> householdPlans.all(tx, effective, year));
    }

    // ---------------------------------------------------------------- overdue measures and roll-ups

    /**
     * Measures of household plans inside an area (narrowed to the principal's scope), of any plan year, whose
     * deadline is before {@code asOf} and which are neither done nor dropped; most late first, then village and
     * household. A measure due on {@code asOf} itself is not yet late.
     */
    public List<OverdueMeasure> overdueMeasures(Principal principal, RegionCode area, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        List<OverdueMeasure> out = new ArrayList<>();
        for (Versioned<HouseholdPlan> v : ctx.read(tx -> householdPlans.all(tx, effective, null))) {
            HouseholdPlan p = v.value();
            for (Measure m : p.measures()) {
                if (overdue(m, asOf)) {
                    out.add(new OverdueMeasure(p.region(), p.householdId(), p.year(), m,
                            ChronoUnit.DAYS.between(m.deadline(), asOf)));
                }
            }
        }
        out.sort(Comparator.comparingLong(OverdueMeasure::daysLate).reversed()
                .thenComparing(OverdueMeasure::village).thenComparing(OverdueMeasure::householdId)
                .thenComparing(o -> o.measure().id()));
        return out;
    }

    /**
     * Counts and costs of the year's household-plan measures inside an area (narrowed to the principal's scope),
     * grouped by the sub-area at level {@code by}, the measure type and status; overdue counts as of {@code asOf}.
     *
     * @param by the grouping level, not above the area's own level (e.g. TOWNSHIP for a county's roll-up by town)
     */
    public MeasureRollup measureRollup(Principal principal, RegionCode area, int year, RegionLevel by,
            LocalDate asOf) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(asOf, "asOf");
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        if (by.ordinal() < effective.level().ordinal()) {
            throw new ValidationException(List.of(Violation.of("measure roll-up " + effective, "by",
                    "plan.rollup_level", by.label(), effective, effective.level().label())));
        }
        record Key(RegionCode area, MeasureType type, MeasureStatus status) {
        }
        Map<Key, long[]> counts = new TreeMap<>(Comparator.comparing(Key::area).thenComparing(Key::type)
                .thenComparing(Key::status));
        Map<Key, BigDecimal> costs = new HashMap<>();
        for (Versioned<HouseholdPlan> v : ctx.read(tx -> householdPlans.all(tx, effective, year))) {
            HouseholdPlan p = v.value();
            for (Measure m : p.measures()) {
                Key k = new Key(p.region().ancestorAt(by), m.type(), m.status());
                long[] c = counts.computeIfAbsent(k, x -> new long[2]);
                c[0]++;
                c[1] += overdue(m, asOf) ? 1 : 0;
                costs.merge(k, m.cost(), BigDecimal::add);
            }
        }
        List<MeasureRollup.Line> lines = new ArrayList<>(counts.size());
        counts.forEach((k, c) -> lines.add(new MeasureRollup.Line(k.area(), k.type(), k.status(), (int) c[0],
                costs.get(k).setScale(2), (int) c[1])));
        return new MeasureRollup(effective, year, by, lines);
    }

    private static boolean overdue(Measure m, LocalDate asOf) {
        return !m.status().isFinal() && m.deadline().isBefore(asOf);
    }

    // ---------------------------------------------------------------- village plans (一村一策)

    /** Stores a village plan ({@code expectedVersion} 0 for a new one). */
    public Versioned<VillagePlan> saveVillagePlan(Principal principal, VillagePlan plan, long expectedVersion,
            String reason) {
        Objects.requireNonNull(plan, "plan");
        requireWrite(principal, plan.village());
        return ctx.write(principal, w -> {
            String record = "village plan " + plan.id();
            List<Violation> problems = new ArrayList<>(ctx.validation().validate(record, plan));
            problems.addAll(villageProblems(w.tx(), record, plan.village()));
            problems.addAll(projectIds(record, plan.projects()));
            Optional<Versioned<VillagePlan>> before = villagePlans.find(w.tx(), plan.village().countyCode(),
                    plan.id());
            before.ifPresent(b -> problems.addAll(transitions(record, b.value().projects(), plan.projects())));
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            Versioned<VillagePlan> stored = villagePlans.save(w.tx(), plan, expectedVersion);
            w.audit(VILLAGE_PLAN, plan.id(), plan.village(), before.isEmpty() ? "create-plan" : "edit-plan", reason,
                    before.map(Versioned::value).orElse(null), plan);
            return stored;
        });
    }

    public Optional<Versioned<VillagePlan>> villagePlan(Principal principal, RegionCode village, int year) {
        ctx.guard().require(principal, Permission.READ, village, "read plans");
        return ctx.read(tx -> villagePlans.find(tx, village.countyCode(), VillagePlan.idOf(village, year)));
    }

    // ---------------------------------------------------------------- whole-village advancement (整村推进)

    /**
     * Records a village's three-year advancement programme ({@code expectedVersion} 0 for a new one). Hard errors
     * (invalid fields, unknown village, project budgets outside the three years, repeated project ids) refuse the
     * write; whether the commitment is complete is a separate question answered by {@link #checkAdvancement}.
     */
    public Versioned<VillageAdvancement> saveAdvancement(Principal principal, VillageAdvancement advancement,
            long expectedVersion, String reason) {
        Objects.requireNonNull(advancement, "advancement");
        requireWrite(principal, advancement.village());
        return ctx.write(principal, w -> {
            String record = "advancement " + advancement.id();
            List<Violation> problems = new ArrayList<>(ctx.validation().validate(record, advancement));
            problems.addAll(villageProblems(w.tx(), record, advancement.village()));
            problems.addAll(projectIds(record, advancement.projects()));
            problems.addAll(AdvancementCheck.outsideYears(advancement));
            Optional<Versioned<VillageAdvancement>> before = advancements.find(w.tx(),
                    advancement.village().countyCode(), advancement.id());
            before.ifPresent(b -> problems.addAll(transitions(record, b.value().projects(), advancement.projects())));
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            Versioned<VillageAdvancement> stored = advancements.save(w.tx(), advancement, expectedVersion);
            w.audit(ADVANCEMENT, advancement.id(), advancement.village(), before.isEmpty() ? "create" : "edit",
                    reason, before.map(Versioned::value).orElse(null), advancement);
            return stored;
        });
    }

    public Optional<Versioned<VillageAdvancement>> advancement(Principal principal, RegionCode village,
            int startYear) {
        ctx.guard().require(principal, Permission.READ, village, "read plans");
        return ctx.read(tx -> advancements.find(tx, village.countyCode(),
                VillageAdvancement.idOf(village, startYear)));
    }

    /** The advancement programme whose three years include {@code year}, if any. */
    public Optional<Versioned<VillageAdvancement>> advancementCovering(Principal principal, RegionCode village,
            int year) {
        ctx.guard().require(principal, Permission.READ, village, "read plans");
        return ctx.read(tx -> advancements.all(tx, village, null).stream()
                .filter(v -> v.value().village().equals(village) && v.value().years().contains(year))
                .max(Comparator.comparingInt(v -> v.value().startYear())));
    }

    /**
     * Checks the three-year commitment (连推3年、连投3年、连帮3年) of a village's programme: funds committed in each
     * year, projects budgeted in each year within the funds committed, at least one helping unit committed and every
     * committed unit staying all three years.
     */
    public AdvancementCheck checkAdvancement(Principal principal, RegionCode village, int startYear) {
        VillageAdvancement a = advancement(principal, village, startYear).map(Versioned::value)
                .orElseThrow(() -> new NotFoundException("advancement.not_found", village, startYear));
        return AdvancementCheck.of(a);
    }

    // ---------------------------------------------------------------- internals

    private HouseholdPlan draft(StorageTransaction tx, Household h, int year, BigDecimal incomeGoal) {
        if (h.status() == PovertyStatus.REMOVED) {
            throw new WorkflowException("plan.household_removed", h.id());
        }
        Optional<IncomeStatement> latest = tx.incomes().findByHousehold(h.id()).stream()
                .filter(s -> s.year() <= year).max(Comparator.comparingInt(IncomeStatement::year));
        String cadreId = pairing.currentCadre(tx, h).map(p -> p.cadreId()).orElse(null);
        return drafter.draft(h, latest, year, incomeGoal, cadreId);
    }

    private Versioned<HouseholdPlan> insert(CoreContext.Work w, HouseholdPlan plan, String reason) {
        Household h = household(w.tx(), plan.householdId());
        check(plan, h, null);
        Versioned<HouseholdPlan> stored = householdPlans.save(w.tx(), plan, 0);
        w.audit(HOUSEHOLD, plan.householdId(), plan.region(), "create-plan", reason, null, plan);
        return stored;
    }

    private void check(HouseholdPlan plan, Household h, HouseholdPlan before) {
        String record = "plan " + plan.id();
        List<Violation> problems = new ArrayList<>(ctx.validation().validate(record, plan));
        if (plan.region() != null && !plan.region().equals(h.region())) {
            problems.add(Violation.of(record, "region", "plan.region_mismatch", plan.region(), h.region()));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < plan.measures().size(); i++) {
            Measure m = plan.measures().get(i);
            if (m != null && m.id() != null && !seen.add(m.id())) {
                problems.add(Violation.of(record, "measures[" + i + "].id", "plan.measure_duplicate", m.id()));
            }
        }
        if (before != null) {
            for (int i = 0; i < plan.measures().size(); i++) {
                Measure m = plan.measures().get(i);
                Optional<Measure> old = m == null || m.id() == null ? Optional.empty() : before.measure(m.id());
                if (old.isPresent() && m.status() != null && !old.get().status().canMoveTo(m.status())) {
                    problems.add(Violation.of(record, "measures[" + i + "].status", "plan.measure_transition",
                            m.id(), old.get().status().label(), m.status().label()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static List<Violation> projectIds(String record, List<VillageProject> projects) {
        List<Violation> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < projects.size(); i++) {
            VillageProject p = projects.get(i);
            if (p != null && p.id() != null && !seen.add(p.id())) {
                out.add(Violation.of(record, "projects[" + i + "].id", "plan.measure_duplicate", p.id()));
            }
        }
        return out;
    }

    private static List<Violation> transitions(String record, List<VillageProject> before,
            List<VillageProject> after) {
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            VillageProject p = after.get(i);
            if (p == null || p.status() == null) {
                continue;
            }
            for (VillageProject old : before) {
                if (old.id().equals(p.id()) && !old.status().canMoveTo(p.status())) {
                    out.add(Violation.of(record, "projects[" + i + "].status", "plan.measure_transition", p.id(),
                            old.status().label(), p.status().label()));
                }
            }
        }
        return out;
    }

    private static List<Violation> villageProblems(StorageTransaction tx, String record, RegionCode village) {
        if (village == null) {
            return List.of();
        }
        Optional<Region> r = tx.regions().find(village);
        if (r.isEmpty()) {
            return List.of(Violation.of(record, "village", "validation.region_unknown", village));
        }
        if (r.get().level() != RegionLevel.VILLAGE) {
            return List.of(Violation.of(record, "village", "pairing.village_required", village,
                    r.get().level().label()));
        }
        return List.of();
    }

    private void requireWrite(Principal principal, RegionCode region) {
        ctx.guard().require(principal, Permission.WRITE, region, "write plans");
    }

    private static Household household(StorageTransaction tx, String id) {
        return tx.households().find(id).orElseThrow(() -> new NotFoundException("household.not_found", id));
    }
}

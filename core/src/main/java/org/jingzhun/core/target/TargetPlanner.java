package org.jingzhun.core.target;

import org.jingzhun.spi.household.HouseholdSummary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.DocumentStore;
import org.jingzhun.core.internal.LatestIncomes;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.region.RegionTree;
import org.jingzhun.spi.storage.StorageTransaction;
import org.jingzhun.spi.target.ReductionTarget;
import org.jingzhun.spi.target.TargetProgress;

/**
 * Annual poverty-reduction targets (年度减贫任务): a county sets the year's target in households and people, decomposes
 * it to townships, villages and the households planned to exit (分解到镇街、村，落实到户; rule in {@link Decomposer}),
 * and reads progress at every level. The poor remaining are read from the registry at the time (status NOT_EXITED,
 * PRE_EXIT or RETURNED). Progress counts a planned household as achieved when its status is now EXITED: the exit
 * workflow sets that status, and reading it directly keeps progress independent of how the exit was recorded.
 * Setting and decomposing need ADMINISTER over the county; reading needs READ.
 */
public final class TargetPlanner {
    static final String KIND = "reduction-target";
    private static final String HOUSEHOLD = "household";

    private final CoreContext ctx;
    private final DocumentStore<ReductionTarget> store;

    public TargetPlanner(CoreContext ctx) {
        this.ctx = ctx;
        this.store = new DocumentStore<>(KIND, ReductionTarget.class, ctx.json(), ReductionTarget::id,
                ReductionTarget::area, ReductionTarget::year);
    }

    /**
     * Sets (or replaces) a county's target for a year. The target may not exceed the poor households and people
     * remaining, and needs at least one person per household.
     */
    public ReductionTarget setCountyTarget(Principal principal, RegionCode county, int year, int households,
            int people, String reason) {
        ctx.guard().require(principal, Permission.ADMINISTER, county, "set reduction targets");
        String record = "target " + county + "/" + year;
        if (county.level() != RegionLevel.COUNTY) {
            throw new ValidationException(List.of(Violation.of(record, "area", "target.not_county", county,
                    county.level().label())));
        }
        return ctx.write(principal, w -> {
            // The target only needs the poor's numbers; their incomes matter for the decomposition alone.
            int[] poor = new int[2];
            w.tx().households().forEachSummaryWithin(county, h -> {
                if (h.status().poor()) {
                    poor[0]++;
                    poor[1] += h.size();
                }
            });
            ReductionTarget target = new ReductionTarget(county, year, households, people, poor[0], poor[1],
                    List.of(), 0);
            List<Violation> problems = new ArrayList<>(ctx.validation().validate(record, target));
            problems.addAll(feasibility(record, target));
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            Optional<Versioned<ReductionTarget>> before = store.find(w.tx(), county.countyCode(), target.id());
            store.save(w.tx(), target, before.map(Versioned::version).orElse(0L));
            w.audit(KIND, target.id(), county, before.isEmpty() ? "set-target" : "change-target", reason,
                    before.map(Versioned::value).orElse(null), target);
            return target;
        });
    }

    /**
     * Decomposes the county's target for the year to its townships, villages and households, replacing any earlier
     * decomposition of that year. Each household newly planned to exit (or no longer planned) gets a line in its
     * history. People targets are reconciled to the people of the planned households at every level, the county's
     * included (see {@link Decomposer} for why reconciled rather than refused).
     *
     * @return the county target followed by township and village targets
     */
    public List<ReductionTarget> decompose(Principal principal, RegionCode county, int year, String reason) {
        ctx.guard().require(principal, Permission.ADMINISTER, county, "decompose reduction targets");
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            ReductionTarget countyTarget = store.find(tx, county.countyCode(), ReductionTarget.idOf(county, year))
                    .map(Versioned::value)
                    .orElseThrow(() -> new NotFoundException("target.not_found", county, year));
            List<Decomposer.PoorHousehold> poor = poor(tx, county, year);
            int poorPeople = poor.stream().mapToInt(Decomposer.PoorHousehold::people).sum();
            if (countyTarget.households() > poor.size() || countyTarget.people() > poorPeople) {
                throw new WorkflowException("target.exceeds_poor", countyTarget.households(), countyTarget.people(),
                        poor.size(), poorPeople, county);
            }
            RegionTree tree = RegionTree.of(tx.regions().findWithin(county));
            List<ReductionTarget> computed = Decomposer.decompose(county, year, countyTarget.households(), tree,
                    poor);
            Map<String, Versioned<ReductionTarget>> existing = new HashMap<>();
            for (Versioned<ReductionTarget> v : store.all(tx, county, year)) {
                existing.put(v.value().id(), v);
            }
            Set<String> plannedBefore = new HashSet<>();
            existing.values().forEach(v -> plannedBefore.addAll(v.value().plannedHouseholds()));
            Set<String> plannedNow = new HashSet<>();
            List<Versioned<ReductionTarget>> toSave = new ArrayList<>(computed.size());
            for (ReductionTarget t : computed) {
                Versioned<ReductionTarget> old = existing.remove(t.id());
                toSave.add(new Versioned<>(t, old == null ? 0 : old.version()));
                w.audit(KIND, t.id(), t.area(), "decompose", reason, old == null ? null : old.value(), t);
                plannedNow.addAll(t.plannedHouseholds());
                for (String id : t.plannedHouseholds()) {
                    if (!plannedBefore.contains(id)) {
                        w.audit(HOUSEHOLD, id, t.area(), "plan-exit", reason, null, t.area() + "/" + year);
                    }
                }
            }
            store.saveAll(tx, toSave);
            for (Versioned<ReductionTarget> stale : existing.values()) {
                store.delete(tx, county.countyCode(), stale.value().id(), stale.version());
                w.audit(KIND, stale.value().id(), stale.value().area(), "drop-target", reason, stale.value(), null);
            }
            for (String id : plannedBefore) {
                if (!plannedNow.contains(id)) {
                    w.audit(HOUSEHOLD, id, county, "unplan-exit", reason, county + "/" + year, null);
                }
            }
            return computed;
        });
    }

    /** The target of one area for a year, if set or decomposed. */
    public Optional<ReductionTarget> find(Principal principal, RegionCode area, int year) {
        ctx.guard().require(principal, Permission.READ, area, "read reduction targets");
        return ctx.read(tx -> store.find(tx, area.countyCode(), ReductionTarget.idOf(area, year)))
                .map(Versioned::value);
    }

    /** Every target inside an area for a year (the area's own first, then by code). */
    public List<ReductionTarget> targets(Principal principal, RegionCode area, int year) {
        ctx.guard().require(principal, Permission.READ, area, "read reduction targets");
        List<ReductionTarget> out = new ArrayList<>(ctx.read(tx -> store.all(tx, area, year)).stream()
                .map(Versioned::value).toList());
        out.sort(Comparator.comparing((ReductionTarget t) -> t.area().level()).thenComparing(ReductionTarget::area));
        return out;
    }

    /** Whether a household is among those planned to exit in the year, and in which village's target. */
    public Optional<ReductionTarget> plannedExit(Principal principal, String householdId, int year) {
        Household h = ctx.read(tx -> tx.households().find(householdId))
                .orElseThrow(() -> new NotFoundException("household.not_found", householdId));
        return find(principal, h.region(), year).filter(t -> t.plannedHouseholds().contains(householdId));
    }

    /**
     * Progress against the targets of the year in an area and every area below it that has a target. An area's
     * exits are the sums of its villages'; a village's are its planned households now EXITED (people counted at
     * their current household size).
     */
    public TargetProgress progress(Principal principal, RegionCode area, int year) {
        ctx.guard().require(principal, Permission.READ, area, "read reduction progress");
        return ctx.read(tx -> {
            Map<RegionCode, ReductionTarget> targets = new HashMap<>();
            for (Versioned<ReductionTarget> v : store.all(tx, area, year)) {
                targets.put(v.value().area(), v.value());
            }
            if (!targets.containsKey(area)) {
                throw new NotFoundException("target.not_found", area, year);
            }
            RegionTree tree = RegionTree.of(tx.regions().findWithin(area));
            return progressOf(tx, area, year, targets, tree);
        });
    }

    private TargetProgress progressOf(StorageTransaction tx, RegionCode area, int year,
            Map<RegionCode, ReductionTarget> targets, RegionTree tree) {
        ReductionTarget t = targets.get(area);
        String name = tree.find(area).map(Region::name).orElse(area.value());
        if (area.level() == RegionLevel.VILLAGE) {
            int hh = 0;
            int people = 0;
            for (String id : t.plannedHouseholds()) {
                Optional<Household> h = tx.households().find(id);
                if (h.isPresent() && h.get().status() == PovertyStatus.EXITED) {
                    hh++;
                    people += h.get().size();
                }
            }
            return new TargetProgress(area, name, year, t.households(), t.people(), hh, people, List.of());
        }
        RegionLevel childLevel = area.level().child();
        List<TargetProgress> children = new ArrayList<>();
        targets.keySet().stream()
                .filter(c -> c.level() == childLevel && area.contains(c))
                .sorted()
                .forEach(c -> children.add(progressOf(tx, c, year, targets, tree)));
        int hh = children.stream().mapToInt(TargetProgress::exitedHouseholds).sum();
        int people = children.stream().mapToInt(TargetProgress::exitedPeople).sum();
        return new TargetProgress(area, name, year, t.households(), t.people(), hh, people, children);
    }

    private static List<Violation> feasibility(String record, ReductionTarget t) {
        List<Violation> out = new ArrayList<>();
        if (t.households() > t.poorHouseholds() || t.people() > t.poorPeople()) {
            out.add(Violation.of(record, "households", "target.exceeds_poor", t.households(), t.people(),
                    t.poorHouseholds(), t.poorPeople(), t.area()));
        }
        if (t.people() < t.households()) {
            out.add(Violation.of(record, "people", "target.people_below_households", t.people(), t.households()));
        }
        if (t.households() == 0 && t.people() > 0) {
            out.add(Violation.of(record, "households", "target.people_without_households", t.people()));
        }
        return out;
    }

    /** Poor households of the county with their latest per-capita income up to the year. */
    private static List<Decomposer.PoorHousehold> poor(StorageTransaction tx, RegionCode county, int year) {
        List<HouseholdSummary> poorHouseholds = new ArrayList<>();
        tx.households().forEachSummaryWithin(county, h -> {
            if (h.status().poor()) {
                poorHouseholds.add(h);
            }
        });
        Map<String, IncomeStatement> latest = LatestIncomes.upTo(tx, county,
                poorHouseholds.stream().map(HouseholdSummary::id).toList(), year);
        List<Decomposer.PoorHousehold> out = new ArrayList<>(poorHouseholds.size());
        for (HouseholdSummary h : poorHouseholds) {
            IncomeStatement s = latest.get(h.id());
            out.add(new Decomposer.PoorHousehold(h.id(), h.region(), h.size(),
                    s == null ? null : s.perCapitaNetIncome()));
        }
        return out;
    }
}

package org.jingzhun.core.statistics;

import org.jingzhun.core.funds.FundUseLine;
import org.jingzhun.core.funds.FundsService;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.areaexit.AreaExitCase;
import org.jingzhun.core.areaexit.AreaExitStage;
import org.jingzhun.core.areaexit.AreaExitWorkflow;
import org.jingzhun.core.identification.DynamicAdjustment;
import org.jingzhun.core.identification.ExitCase;
import org.jingzhun.core.identification.ExitStage;
import org.jingzhun.core.identification.ExitWorkflow;
import org.jingzhun.core.identification.IdentificationCase;
import org.jingzhun.core.identification.IdentificationStage;
import org.jingzhun.core.identification.IdentificationWorkflow;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.DocumentStore;
import org.jingzhun.core.monitoring.MonitoringRecord;
import org.jingzhun.core.monitoring.MonitoringService;
import org.jingzhun.core.monitoring.MonitoringStatus;
import org.jingzhun.core.training.Course;
import org.jingzhun.core.training.TrainingService;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.policy.MonitoringCategory;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.region.RegionTree;
import org.jingzhun.spi.storage.AreaAggregate;
import org.jingzhun.spi.storage.AreaAggregateQuery;

/**
 * Poverty statistics (统计监测) by area: incidence, poor households and people, status and cause breakdowns, counted by
 * storage per village in one query and rolled up to townships, counties and beyond. The same figures serve 2014-era
 * registration and today's monitoring, since both read the one registry. Confined to the principal's scope.
 */
public final class StatisticsService {
    private static final String FIGURES_KIND = "year-figures";

    private final CoreContext ctx;
    private final FundsService funds;
    private final DocumentStore<YearFigures> figures;
    private final DocumentStore<ExitCase> exits;
    private final DocumentStore<IdentificationCase> entries;
    private final DocumentStore<DynamicAdjustment.ReturnRecord> returns;
    private final DocumentStore<MonitoringRecord> monitoring;
    private final DocumentStore<AreaExitCase> areaExits;
    private final DocumentStore<Course> courses;

    public StatisticsService(CoreContext ctx, FundsService funds) {
        this.funds = funds;
        this.ctx = ctx;
        this.figures = new DocumentStore<>(FIGURES_KIND, YearFigures.class, ctx.json(), YearFigures::id,
                YearFigures::area, YearFigures::year);
        // The procedures' own documents, read by kind: the series counts what the procedures recorded.
        this.exits = new DocumentStore<>(ExitWorkflow.KIND, ExitCase.class, ctx.json(), ExitCase::id,
                ExitCase::region, ExitCase::year);
        this.entries = new DocumentStore<>(IdentificationWorkflow.KIND, IdentificationCase.class, ctx.json(),
                IdentificationCase::id, IdentificationCase::region, IdentificationCase::year);
        this.returns = new DocumentStore<>(DynamicAdjustment.RETURN_KIND, DynamicAdjustment.ReturnRecord.class,
                ctx.json(), DynamicAdjustment.ReturnRecord::id, DynamicAdjustment.ReturnRecord::region,
                DynamicAdjustment.ReturnRecord::year);
        this.monitoring = new DocumentStore<>(MonitoringService.KIND, MonitoringRecord.class, ctx.json(),
                MonitoringRecord::id, MonitoringRecord::region, MonitoringRecord::year);
        this.areaExits = new DocumentStore<>(AreaExitWorkflow.KIND, AreaExitCase.class, ctx.json(),
                AreaExitCase::id, AreaExitCase::region, AreaExitCase::year);
        this.courses = new DocumentStore<>(TrainingService.KIND, Course.class, ctx.json(), Course::id, Course::region,
                Course::year);
    }

    /**
     * Closes {@code year} for {@code area} (年度统计): takes the registry's figures now and counts what the year's
     * procedures did: households delisted by exit cases of the year, returns recorded for the year, households
     * registered through identification cases of the year, villages whose exit was approved, monitored households
     * by category, household members trained on the year's courses, and the year's money received, allocated and
     * disbursed in the area ({@link FundsService#report}). The figures are stored (closing the year again replaces them) and audited. Needs
     * WRITE on the area.
     */
    public YearFigures closeYear(Principal principal, RegionCode area, int year) {
        ctx.guard().require(principal, Permission.WRITE, area, "close the year's statistics");
        RegionStatistics now = summary(principal, area);
        FundUseLine money = funds.report(principal, area, year).sourcesTotal();
        return ctx.write(principal, w -> {
            var tx = w.tx();
            List<String> exited = exits.all(tx, area, year).stream().map(Versioned::value)
                    .filter(c -> c.stage() == ExitStage.EXITED).map(ExitCase::householdId).toList();
            long exitedPeople = tx.households().findAll(exited).values().stream().mapToLong(Household::size).sum();
            long returned = 0;
            long returnedPeople = 0;
            for (Versioned<DynamicAdjustment.ReturnRecord> r : returns.all(tx, area, year)) {
                returned++;
                returnedPeople += r.value().people();
            }
            long newHouseholds = 0;
            long newPeople = 0;
            for (Versioned<IdentificationCase> c : entries.all(tx, area, year)) {
                if (c.value().stage() == IdentificationStage.REGISTERED) {
                    newHouseholds++;
                    newPeople += c.value().applicant().members().size();
                }
            }
            Map<MonitoringCategory, Long> monitored = new EnumMap<>(MonitoringCategory.class);
            for (Versioned<MonitoringRecord> r : monitoring.all(tx, area, null)) {
                if (r.value().status() == MonitoringStatus.MONITORED && r.value().year() <= year) {
                    monitored.merge(r.value().category(), 1L, Long::sum);
                }
            }
            long villagesExited = areaExits.all(tx, area, year).stream().map(Versioned::value)
                    .filter(c -> c.level() == RegionLevel.VILLAGE && c.stage() == AreaExitStage.EXITED).count();
            long poorVillages = tx.regions().findWithin(area).stream()
                    .filter(r -> r.level() == RegionLevel.VILLAGE && r.poor()).count();
            YearFigures f = new YearFigures(area, year, now.households(), now.people(), now.poorHouseholds(),
                    now.poorPeople(), now.incidencePercent(), exited.size(), exitedPeople, returned, returnedPeople,
                    newHouseholds, newPeople, poorVillages, villagesExited, monitored,
                    TrainingService.peopleTrained(courses.all(tx, area, year).stream().map(Versioned::value)
                            .toList()), money.received(), money.allocated(), money.disbursed(), ctx.clock().instant());
            long version = figures.find(tx, area.countyCode(), f.id()).map(Versioned::version).orElse(0L);
            figures.save(tx, f, version);
            w.audit(FIGURES_KIND, f.id(), area, version == 0 ? "close-year" : "reclose-year",
                    "year-end statistics " + year, null, f);
            return f;
        });
    }

    /** The closed years of {@code area} (narrowed to the scope: a broader request reads the scope's own series). */
    public List<YearFigures> series(Principal principal, RegionCode area) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return ctx.read(tx -> figures.all(tx, effective, null).stream().map(Versioned::value)
                .filter(f -> f.area().equals(effective)).sorted(java.util.Comparator.comparingInt(YearFigures::year))
                .toList());
    }

    /** Figures for {@code area} itself. */
    public RegionStatistics summary(Principal principal, RegionCode area) {
        return breakdown(principal, area).get(0);
    }

    /**
     * Figures for {@code area} followed by every area inside it that the registry knows (townships, villages), in
     * code order; the first element is {@code area} itself.
     */
    public List<RegionStatistics> breakdown(Principal principal, RegionCode area) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return ctx.read(tx -> {
            RegionTree tree = RegionTree.of(tx.regions().findWithin(effective));
            Map<RegionCode, Tally> tallies = new HashMap<>();
            // Storage counts by village where the rows are (one GROUP BY on SQL); only the groups are rolled up here.
            for (AreaAggregate g : tx.households().aggregate(AreaAggregateQuery.byVillage(effective))) {
                for (RegionCode c = g.area(); c != null && effective.contains(c); c = c.parent()) {
                    tallies.computeIfAbsent(c, k -> new Tally()).add(g);
                }
            }
            List<RegionStatistics> out = new ArrayList<>();
            out.add(statistics(effective, tree, tallies));
            for (Region r : tree.all()) {
                if (!r.code().equals(effective)) {
                    out.add(statistics(r.code(), tree, tallies));
                }
            }
            return out;
        });
    }

    private static RegionStatistics statistics(RegionCode code, RegionTree tree, Map<RegionCode, Tally> tallies) {
        Tally t = tallies.getOrDefault(code, new Tally());
        Region region = tree.find(code).orElse(null);
        return new RegionStatistics(code, region == null ? code.value() : region.name(), code.level(),
                region != null && region.poor() && code.level() == RegionLevel.VILLAGE,
                region == null ? 0 : region.ruralPopulation(), t.households, t.people, t.poorHouseholds,
                t.poorPeople, t.byStatus, t.byCause);
    }

    /** Running counts of one area. */
    private static final class Tally {
        long households;
        long people;
        long poorHouseholds;
        long poorPeople;
        final Map<PovertyStatus, Long> byStatus = new EnumMap<>(PovertyStatus.class);
        final Map<PovertyCause, Long> byCause = new EnumMap<>(PovertyCause.class);

        void add(AreaAggregate g) {
            byStatus.merge(g.status(), g.households(), Long::sum);
            if (!g.status().active()) {
                return;
            }
            households += g.households();
            people += g.people();
            if (g.status().poor()) {
                poorHouseholds += g.households();
                poorPeople += g.people();
                byCause.merge(g.mainCause(), g.households(), Long::sum);
            }
        }
    }
}

package org.jingzhun.core.statistics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jingzhun.core.internal.CoreContext;
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
    private final CoreContext ctx;

    public StatisticsService(CoreContext ctx) {
        this.ctx = ctx;
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

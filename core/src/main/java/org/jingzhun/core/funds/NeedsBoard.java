package org.jingzhun.core.funds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.funds.FundStores.ClaimState;
import org.jingzhun.core.funds.FundStores.ProjectState;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.DocumentStore;
import org.jingzhun.core.plan.PlanService;
import org.jingzhun.spi.funds.AidProject;
import org.jingzhun.spi.funds.FundSourceKind;
import org.jingzhun.spi.funds.Money;
import org.jingzhun.spi.plan.HouseholdPlan;
import org.jingzhun.spi.plan.Measure;
import org.jingzhun.spi.plan.MeasureType;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.StorageTransaction;

/**
 * The donor-facing needs list of the social platform (社会扶贫平台): see {@link FundsService#openNeeds}. It reads
 * household plans by their stored kind, because the list only sums their measures and never shows the plans.
 */
final class NeedsBoard {
    private final CoreContext ctx;
    private final FundStores stores;
    private final DocumentStore<HouseholdPlan> householdPlans;

    NeedsBoard(CoreContext ctx, FundStores stores) {
        this.ctx = ctx;
        this.stores = stores;
        this.householdPlans = new DocumentStore<>(PlanService.HOUSEHOLD_PLAN, HouseholdPlan.class, ctx.json(),
                HouseholdPlan::id, HouseholdPlan::region, HouseholdPlan::year);
    }

    OpenNeeds openNeeds(RegionCode area) {
        return ctx.read(tx -> {
            Map<RegionCode, String> names = new HashMap<>();
            Map<String, BigDecimal> pending = new HashMap<>();
            for (Versioned<ClaimState> c : stores.claims.all(tx, area, null)) {
                pending.merge(c.value().claim().projectId(), c.value().unreceived(), BigDecimal::add);
            }
            List<OpenNeeds.ProjectNeed> projects = new ArrayList<>();
            for (Versioned<ProjectState> v : stores.projects.all(tx, area, null)) {
                AidProject p = v.value().project();
                if (!p.status().takesAllocations()) {
                    continue;
                }
                BigDecimal committed = v.value().allocated().add(pending.getOrDefault(p.id(), Money.ZERO));
                BigDecimal unmet = p.budget().subtract(committed);
                if (unmet.signum() > 0) {
                    projects.add(new OpenNeeds.ProjectNeed(p.id(), p.region(), name(tx, names, p.region()), p.name(),
                            p.category(), p.year(), p.deadline(), p.budget(), committed, unmet));
                }
            }
            projects.sort(Comparator.comparing(OpenNeeds.ProjectNeed::region)
                    .thenComparing(OpenNeeds.ProjectNeed::projectId));
            record Key(RegionCode village, MeasureType kind) {
            }
            Map<Key, BigDecimal> amounts = new TreeMap<>(Comparator.comparing(Key::village)
                    .thenComparing(Key::kind));
            Map<Key, Set<String>> households = new HashMap<>();
            for (Versioned<HouseholdPlan> v : householdPlans.all(tx, area, null)) {
                HouseholdPlan plan = v.value();
                for (Measure m : plan.measures()) {
                    if (m.fundingSource() == FundSourceKind.SOCIAL_DONATION && !m.status().isFinal()
                            && m.cost().signum() > 0) {
                        Key k = new Key(plan.region(), m.type());
                        amounts.merge(k, m.cost(), BigDecimal::add);
                        households.computeIfAbsent(k, x -> new HashSet<>()).add(plan.householdId());
                    }
                }
            }
            List<OpenNeeds.HouseholdNeed> needs = new ArrayList<>(amounts.size());
            amounts.forEach((k, amount) -> needs.add(new OpenNeeds.HouseholdNeed(k.village(),
                    name(tx, names, k.village()), k.kind(), households.get(k).size(), amount)));
            return new OpenNeeds(area, projects, needs);
        });
    }

    private static String name(StorageTransaction tx, Map<RegionCode, String> names, RegionCode code) {
        return names.computeIfAbsent(code, c -> tx.regions().find(c).map(Region::name).orElse(c.value()));
    }
}

package org.jingzhun.core.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.DocumentStore;
import org.jingzhun.core.pairing.PairingService;
import org.jingzhun.core.plan.FourListsDerivation.HouseholdInput;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.pairing.Cadre;
import org.jingzhun.spi.pairing.HelpingUnit;
import org.jingzhun.spi.pairing.UnitPairing;
import org.jingzhun.spi.pairing.WorkTeam;
import org.jingzhun.spi.plan.FourLists;
import org.jingzhun.spi.plan.HouseholdPlan;
import org.jingzhun.spi.plan.VillageAdvancement;
import org.jingzhun.spi.plan.VillagePlan;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.StorageTransaction;
import org.jingzhun.spi.target.ReductionTarget;

/**
 * The four lists (四项清单) of a household or a village for a year — needs, measures, responsibilities, targets and
 * deadlines — derived on demand from the stored plans, pairings and reduction targets (so they never disagree with
 * them), and printable as text. Reading needs READ over the household or village.
 */
public final class FourListsService {
    private final CoreContext ctx;
    private final PairingService pairing;
    private final DocumentStore<HouseholdPlan> householdPlans;
    private final DocumentStore<VillagePlan> villagePlans;
    private final DocumentStore<VillageAdvancement> advancements;
    private final DocumentStore<ReductionTarget> targets;
    private final DocumentStore<Cadre> cadres;
    private final DocumentStore<HelpingUnit> units;
    private final DocumentStore<UnitPairing> unitPairings;
    private final DocumentStore<WorkTeam> teams;

    public FourListsService(CoreContext ctx, PairingService pairing) {
        this.ctx = ctx;
        this.pairing = pairing;
        this.householdPlans = new DocumentStore<>(PlanService.HOUSEHOLD_PLAN, HouseholdPlan.class, ctx.json(),
                HouseholdPlan::id, HouseholdPlan::region, HouseholdPlan::year);
        this.villagePlans = new DocumentStore<>(PlanService.VILLAGE_PLAN, VillagePlan.class, ctx.json(),
                VillagePlan::id, VillagePlan::village, VillagePlan::year);
        this.advancements = new DocumentStore<>(PlanService.ADVANCEMENT, VillageAdvancement.class, ctx.json(),
                VillageAdvancement::id, VillageAdvancement::village, VillageAdvancement::startYear);
        this.targets = new DocumentStore<>("reduction-target", ReductionTarget.class, ctx.json(), ReductionTarget::id,
                ReductionTarget::area, ReductionTarget::year);
        this.cadres = new DocumentStore<>("cadre", Cadre.class, ctx.json(), Cadre::id, Cadre::county, c -> null);
        this.units = new DocumentStore<>("helping-unit", HelpingUnit.class, ctx.json(), HelpingUnit::id,
                HelpingUnit::county, u -> null);
        this.unitPairings = new DocumentStore<>("unit-pairing", UnitPairing.class, ctx.json(), UnitPairing::id,
                UnitPairing::village, p -> null);
        this.teams = new DocumentStore<>("work-team", WorkTeam.class, ctx.json(), WorkTeam::id, WorkTeam::village,
                t -> null);
    }

    /** A household's four lists for a year; the household must have a plan for that year. */
    public FourLists forHousehold(Principal principal, String householdId, int year) {
        return ctx.read(tx -> {
            Household h = tx.households().find(householdId)
                    .orElseThrow(() -> new NotFoundException("household.not_found", householdId));
            ctx.guard().require(principal, Permission.READ, h.region(), "read four lists");
            HouseholdPlan plan = householdPlans.find(tx, h.countyCode(), HouseholdPlan.idOf(householdId, year))
                    .map(Versioned::value)
                    .orElseThrow(() -> new NotFoundException("plan.not_found", householdId, year));
            return FourListsDerivation.household(h, plan, pairing.currentCadre(tx, h), income(tx, h.id(), year),
                    target(tx, h.region(), year), names(tx, h.countyCode()));
        });
    }

    /** A village's four lists for a year: its own lines, then those of every household with a plan that year. */
    public FourLists forVillage(Principal principal, RegionCode village, int year) {
        ctx.guard().require(principal, Permission.READ, village, "read four lists");
        return ctx.read(tx -> {
            Region region = tx.regions().find(village)
                    .orElseThrow(() -> new NotFoundException("storage.not_found", "region", village));
            Optional<VillagePlan> plan = villagePlans.find(tx, village.countyCode(), VillagePlan.idOf(village, year))
                    .map(Versioned::value);
            Optional<VillageAdvancement> adv = advancements.all(tx, village, null).stream().map(Versioned::value)
                    .filter(a -> a.village().equals(village) && a.years().contains(year))
                    .max(Comparator.comparingInt(VillageAdvancement::startYear));
            List<HouseholdInput> inputs = new ArrayList<>();
            for (Versioned<HouseholdPlan> v : householdPlans.all(tx, village, year)) {
                HouseholdPlan p = v.value();
                tx.households().find(p.householdId()).ifPresent(h -> inputs.add(new HouseholdInput(h, p,
                        pairing.currentCadre(tx, h), income(tx, h.id(), year))));
            }
            return FourListsDerivation.village(village, region.name(), year, plan, adv,
                    unitPairings.all(tx, village, null).stream().map(Versioned::value).toList(),
                    teams.all(tx, village, null).stream().map(Versioned::value).toList(),
                    target(tx, village, year), inputs, names(tx, village.countyCode()));
        });
    }

    /** The lists as plain text (zh-CN headings), one section per list. */
    public String print(FourLists lists) {
        return FourListsDerivation.print(lists);
    }

    private Optional<ReductionTarget> target(StorageTransaction tx, RegionCode village, int year) {
        return targets.find(tx, village.countyCode(), ReductionTarget.idOf(village, year)).map(Versioned::value);
    }

    private static Optional<IncomeStatement> income(StorageTransaction tx, String householdId, int year) {
        return tx.incomes().find(householdId, year);
    }

    private FourListsDerivation.Names names(StorageTransaction tx, String countyCode) {
        Map<String, String> byId = new HashMap<>();
        RegionCode county = RegionCode.of(countyCode);
        cadres.all(tx, county, null).forEach(v -> byId.put(v.value().id(), v.value().name()));
        units.all(tx, county, null).forEach(v -> byId.put(v.value().id(), v.value().name()));
        return FourListsDerivation.names(byId);
    }
}

package org.jingzhun.core.target;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.region.RegionTree;
import org.jingzhun.spi.target.ReductionTarget;

/**
 * Decomposes a county's annual reduction target (减贫任务分解) to townships, villages and households. Pure.
 *
 * <p>At each level the parent's households are apportioned among the children by {@link Apportionment} with the
 * poor people remaining in each child as weights and the poor households remaining there as caps, so no child is
 * asked for more than it has. Within a village, the households planned to exit are the village's poor households
 * with the highest per-capita net income in their latest statement up to the target year (those closest to or above
 * the line, so the most ready), households without a statement last, ties by household id; exactly the village's
 * household target are chosen.
 *
 * <p>People targets are <em>reconciled</em>, not apportioned: a village's people target is the number of people
 * living in its planned households, a township's is the sum of its villages' and the county's the sum of its
 * townships'. Households exit whole, so a people figure apportioned separately would almost never match the
 * households actually planned, and refusing such a decomposition would refuse nearly every one; the hand-set county
 * people figure is therefore a request checked for feasibility when set, and the decomposition replaces it with what
 * the chosen households hold (the change is in the audit trail as the county target's before and after).
 */
final class Decomposer {

    /** A poor household as the decomposition sees it. */
    record PoorHousehold(String id, RegionCode village, int people, BigDecimal perCapitaIncome) {
    }

    private Decomposer() {
    }

    /**
     * The county target followed by the townships' then the villages' targets, each in code order; people at every
     * level are the people of the planned households below it.
     */
    static List<ReductionTarget> decompose(RegionCode county, int year, int households, RegionTree tree,
            List<PoorHousehold> poor) {
        Map<RegionCode, List<PoorHousehold>> byVillage = new TreeMap<>();
        TreeSet<RegionCode> townships = new TreeSet<>();
        for (Region r : tree.within(county, RegionLevel.TOWNSHIP)) {
            townships.add(r.code());
        }
        for (Region r : tree.within(county, RegionLevel.VILLAGE)) {
            byVillage.put(r.code(), new ArrayList<>());
            townships.add(r.code().ancestorAt(RegionLevel.TOWNSHIP));
        }
        for (PoorHousehold h : poor) {
            if (!county.contains(h.village())) {
                continue;
            }
            byVillage.computeIfAbsent(h.village(), v -> new ArrayList<>()).add(h);
            townships.add(h.village().ancestorAt(RegionLevel.TOWNSHIP));
        }
        List<ReductionTarget> towns = new ArrayList<>();
        List<ReductionTarget> villages = new ArrayList<>();
        List<RegionCode> townList = new ArrayList<>(townships);
        long[] townShares = split(households, townList, byVillage);
        int countyPeople = 0;
        for (int t = 0; t < townList.size(); t++) {
            RegionCode town = townList.get(t);
            int th = (int) townShares[t];
            List<RegionCode> villageList = byVillage.keySet().stream().filter(town::contains).toList();
            long[] villageShares = split(th, villageList, byVillage);
            int townPeople = 0;
            for (int v = 0; v < villageList.size(); v++) {
                RegionCode village = villageList.get(v);
                ReductionTarget vt = village(village, year, (int) villageShares[v], byVillage.get(village));
                villages.add(vt);
                townPeople += vt.people();
            }
            towns.add(area(town, year, th, townPeople, byVillage));
            countyPeople += townPeople;
        }
        List<ReductionTarget> out = new ArrayList<>();
        out.add(area(county, year, households, countyPeople, byVillage));
        out.addAll(towns);
        out.addAll(villages);
        return out;
    }

    /** Households of a parent apportioned among child areas. */
    private static long[] split(int households, List<RegionCode> children,
            Map<RegionCode, List<PoorHousehold>> byVillage) {
        int n = children.size();
        long[] weights = new long[n];
        long[] householdCaps = new long[n];
        for (int i = 0; i < n; i++) {
            RegionCode c = children.get(i);
            for (Map.Entry<RegionCode, List<PoorHousehold>> e : byVillage.entrySet()) {
                if (c.contains(e.getKey())) {
                    householdCaps[i] += e.getValue().size();
                    weights[i] += e.getValue().stream().mapToLong(PoorHousehold::people).sum();
                }
            }
        }
        return Apportionment.apportion(households, weights, householdCaps);
    }

    private static ReductionTarget area(RegionCode code, int year, int households, int people,
            Map<RegionCode, List<PoorHousehold>> byVillage) {
        int poorHouseholds = 0;
        int poorPeople = 0;
        for (Map.Entry<RegionCode, List<PoorHousehold>> e : byVillage.entrySet()) {
            if (code.contains(e.getKey())) {
                poorHouseholds += e.getValue().size();
                poorPeople += e.getValue().stream().mapToInt(PoorHousehold::people).sum();
            }
        }
        return new ReductionTarget(code, year, households, people, poorHouseholds, poorPeople, List.of(), 0);
    }

    private static ReductionTarget village(RegionCode code, int year, int households, List<PoorHousehold> poor) {
        List<PoorHousehold> ranked = new ArrayList<>(poor);
        ranked.sort(READINESS);
        List<PoorHousehold> chosen = ranked.subList(0, households);
        int plannedPeople = chosen.stream().mapToInt(PoorHousehold::people).sum();
        return new ReductionTarget(code, year, households, plannedPeople, poor.size(),
                poor.stream().mapToInt(PoorHousehold::people).sum(),
                chosen.stream().map(PoorHousehold::id).sorted().toList(), plannedPeople);
    }

    /** Highest per-capita income first, households without income last, then by id. */
    static final Comparator<PoorHousehold> READINESS = Comparator
            .comparing(PoorHousehold::perCapitaIncome, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(PoorHousehold::id);
}

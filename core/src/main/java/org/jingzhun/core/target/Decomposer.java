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
 * <p>At each level the parent's households and people are apportioned among the children by {@link Apportionment}
 * with the poor people remaining in each child as weights; the caps are the poor households (for the household
 * target) and the poor people (for the people target) remaining there, so no child is asked for more than it has.
 * Within a village, the households planned to exit are the village's poor households with the highest per-capita
 * net income in their latest statement up to the target year (those closest to or above the line, so the most
 * ready), households without a statement last, ties by household id; exactly the village's household target are
 * chosen, and the people living in them are recorded as the planned people.
 */
final class Decomposer {

    /** A poor household as the decomposition sees it. */
    record PoorHousehold(String id, RegionCode village, int people, BigDecimal perCapitaIncome) {
    }

    private Decomposer() {
    }

    /** The county target followed by the townships' then the villages' targets, each in code order. */
    static List<ReductionTarget> decompose(RegionCode county, int year, int households, int people, RegionTree tree,
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
        List<ReductionTarget> out = new ArrayList<>();
        out.add(area(county, year, households, people, byVillage));
        List<ReductionTarget> villages = new ArrayList<>();
        List<RegionCode> townList = new ArrayList<>(townships);
        long[][] townShares = split(households, people, townList, byVillage);
        for (int t = 0; t < townList.size(); t++) {
            RegionCode town = townList.get(t);
            int th = (int) townShares[0][t];
            int tp = (int) townShares[1][t];
            out.add(area(town, year, th, tp, byVillage));
            List<RegionCode> villageList = byVillage.keySet().stream().filter(town::contains).toList();
            long[][] villageShares = split(th, tp, villageList, byVillage);
            for (int v = 0; v < villageList.size(); v++) {
                RegionCode village = villageList.get(v);
                villages.add(village(village, year, (int) villageShares[0][v], (int) villageShares[1][v],
                        byVillage.get(village)));
            }
        }
        out.addAll(villages);
        return out;
    }

    /** Households (row 0) and people (row 1) of a parent apportioned among child areas. */
    private static long[][] split(int households, int people, List<RegionCode> children,
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
        return new long[][] {
            Apportionment.apportion(households, weights, householdCaps),
            Apportionment.apportion(people, weights, weights)
        };
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

    private static ReductionTarget village(RegionCode code, int year, int households, int people,
            List<PoorHousehold> poor) {
        List<PoorHousehold> ranked = new ArrayList<>(poor);
        ranked.sort(READINESS);
        List<PoorHousehold> chosen = ranked.subList(0, households);
        return new ReductionTarget(code, year, households, people, poor.size(),
                poor.stream().mapToInt(PoorHousehold::people).sum(),
                chosen.stream().map(PoorHousehold::id).sorted().toList(),
                chosen.stream().mapToInt(PoorHousehold::people).sum());
    }

    /** Highest per-capita income first, households without income last, then by id. */
    static final Comparator<PoorHousehold> READINESS = Comparator
            .comparing(PoorHousehold::perCapitaIncome, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(PoorHousehold::id);
}

package org.jingzhun.core.pairing;

import org.jingzhun.spi.household.HouseholdSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jingzhun.core.pairing.CoverageReport.CadreLoad;
import org.jingzhun.spi.pairing.Cadre;
import org.jingzhun.spi.pairing.CadrePairing;
import org.jingzhun.spi.pairing.UnitPairing;
import org.jingzhun.spi.pairing.UnitPairingKind;
import org.jingzhun.spi.pairing.WorkTeam;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;

/**
 * Computes a {@link CoverageReport} from households, villages and pairings already loaded. Pure: a household is
 * covered when a cadre pairing of it is in force on the day, a village when a unit pairing (resident or twinned) is
 * in force or a work team with a member is stationed there on the day.
 */
final class Coverage {

    private Coverage() {
    }

    static CoverageReport compute(RegionCode area, LocalDate on, Collection<HouseholdSummary> households,
            Collection<Region> regions, Collection<CadrePairing> cadrePairings, Collection<UnitPairing> unitPairings,
            Collection<WorkTeam> teams, Map<String, Cadre> cadres) {
        Set<String> paired = new HashSet<>();
        Map<String, Integer> load = new TreeMap<>();
        for (CadrePairing p : cadrePairings) {
            if (area.contains(p.region()) && p.activeOn(on)) {
                paired.add(p.householdId());
                load.merge(p.cadreId(), 1, Integer::sum);
            }
        }
        List<String> unpaired = new ArrayList<>();
        int poor = 0;
        for (HouseholdSummary h : households) {
            if (area.contains(h.region()) && h.status().poor()) {
                poor++;
                if (!paired.contains(h.id())) {
                    unpaired.add(h.id());
                }
            }
        }
        unpaired.sort(null);
        Set<RegionCode> withUnit = new HashSet<>();
        Set<RegionCode> withLeader = new HashSet<>();
        for (UnitPairing p : unitPairings) {
            if (p.activeOn(on)) {
                (p.kind() == UnitPairingKind.LEADER_CONTACT ? withLeader : withUnit).add(p.village());
            }
        }
        for (WorkTeam t : teams) {
            if (t.stationedOn(on)) {
                withUnit.add(t.village());
            }
        }
        List<RegionCode> noUnit = new ArrayList<>();
        List<RegionCode> noLeader = new ArrayList<>();
        int poorVillages = 0;
        for (Region r : regions) {
            if (r.level() == RegionLevel.VILLAGE && r.poor() && area.contains(r.code())) {
                poorVillages++;
                if (!withUnit.contains(r.code())) {
                    noUnit.add(r.code());
                }
                if (!withLeader.contains(r.code())) {
                    noLeader.add(r.code());
                }
            }
        }
        noUnit.sort(null);
        noLeader.sort(null);
        List<CadreLoad> loads = new ArrayList<>();
        load.forEach((id, n) -> {
            Cadre c = cadres.get(id);
            loads.add(new CadreLoad(id, c == null ? id : c.name(), n, c == null ? -1 : c.maxHouseholds()));
        });
        return new CoverageReport(area, on, poor, poor - unpaired.size(), unpaired, poorVillages, noUnit, noLeader,
                loads);
    }
}

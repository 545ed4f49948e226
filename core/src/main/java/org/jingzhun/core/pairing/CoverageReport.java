package org.jingzhun.core.pairing;

import java.time.LocalDate;
import java.util.List;
import org.jingzhun.spi.region.RegionCode;

/**
 * Pairing coverage of an area on a day (帮扶全覆盖情况): poor households without a responsible cadre (干部包户), poor
 * villages without a helping unit or a stationed work team (单位包村/驻村工作队) and without a contacting leader, and
 * each cadre's load against the maximum.
 *
 * @param unpairedHouseholds       ids of poor households with no cadre pairing in force, id order
 * @param villagesWithoutUnitOrTeam poor villages with neither a unit pairing nor a stationed team, code order
 * @param villagesWithoutLeader    poor villages no leading cadre contacts, code order
 * @param cadreLoads               households carried by each cadre who carries any, id order
 */
public record CoverageReport(
        RegionCode area,
        LocalDate on,
        int poorHouseholds,
        int pairedPoorHouseholds,
        List<String> unpairedHouseholds,
        int poorVillages,
        List<RegionCode> villagesWithoutUnitOrTeam,
        List<RegionCode> villagesWithoutLeader,
        List<CadreLoad> cadreLoads) {

    public CoverageReport {
        unpairedHouseholds = List.copyOf(unpairedHouseholds);
        villagesWithoutUnitOrTeam = List.copyOf(villagesWithoutUnitOrTeam);
        villagesWithoutLeader = List.copyOf(villagesWithoutLeader);
        cadreLoads = List.copyOf(cadreLoads);
    }

    /**
     * One cadre's load.
     *
     * @param households households (of any status) paired with the cadre on the day
     * @param max        the cadre's maximum, or -1 when the cadre is not registered
     */
    public record CadreLoad(String cadreId, String name, int households, int max) {
        public boolean overloaded() {
            return max >= 0 && households > max;
        }
    }

    /** Whether every poor household has a cadre and every poor village a unit or team. */
    public boolean complete() {
        return unpairedHouseholds.isEmpty() && villagesWithoutUnitOrTeam.isEmpty();
    }

    /** Cadres carrying more households than their maximum. */
    public List<CadreLoad> overloaded() {
        return cadreLoads.stream().filter(CadreLoad::overloaded).toList();
    }
}

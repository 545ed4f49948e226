package org.jingzhun.core.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jingzhun.core.testsupport.Households;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.HouseholdSummary;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.pairing.Cadre;
import org.jingzhun.spi.pairing.CadrePairing;
import org.jingzhun.spi.pairing.CadreRole;
import org.jingzhun.spi.pairing.TeamMember;
import org.jingzhun.spi.pairing.UnitPairing;
import org.jingzhun.spi.pairing.UnitPairingKind;
import org.jingzhun.spi.pairing.WorkTeam;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;

class CoverageProperties {
    static final RegionCode COUNTY = RegionCode.of("341702000000");
    static final LocalDate ON = LocalDate.of(2017, 6, 30);

    record World(List<Household> households, List<Region> villages, List<CadrePairing> cadrePairings,
            List<UnitPairing> unitPairings, List<WorkTeam> teams) {
    }

    static RegionCode village(int v) {
        return RegionCode.of(String.format("341702100%03d", 200 + v));
    }

    static LocalDate day(int offset) {
        return ON.plusDays(offset);
    }

    @Provide
    Arbitrary<World> worlds() {
        Arbitrary<int[]> household = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, PovertyStatus.values().length - 1),
                Arbitraries.integers().between(-1, 4), Arbitraries.integers().between(-60, 60),
                Arbitraries.integers().between(-60, 60))
                .as((v, status, cadre, from, to) -> new int[] {v, status, cadre, from, to});
        Arbitrary<int[]> unit = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(-60, 60),
                Arbitraries.integers().between(-60, 60))
                .as((v, kind, from, to) -> new int[] {v, kind, from, to});
        return Combinators.combine(household.list().ofMaxSize(40), unit.list().ofMaxSize(10),
                Arbitraries.integers().between(-1, 5)).as((hs, us, teamVillage) -> {
                    Households gen = new Households();
                    List<Household> households = new ArrayList<>();
                    List<CadrePairing> cps = new ArrayList<>();
                    for (int i = 0; i < hs.size(); i++) {
                        int[] h = hs.get(i);
                        String id = String.format("341702-%08d", i + 1);
                        households.add(gen.household(village(h[0]), 1, PovertyCause.OTHER).id(id)
                                .status(PovertyStatus.values()[h[1]]).build());
                        if (h[2] >= 0) {
                            cps.add(new CadrePairing("p" + i, id, village(h[0]), "C" + h[2], day(h[3]),
                                    h[4] < h[3] ? null : day(h[4])));
                        }
                    }
                    List<UnitPairing> ups = new ArrayList<>();
                    for (int i = 0; i < us.size(); i++) {
                        int[] u = us.get(i);
                        ups.add(new UnitPairing("u" + i, village(u[0]), UnitPairingKind.values()[u[1]], "U" + i,
                                day(u[2]), u[3] < u[2] ? null : day(u[3])));
                    }
                    List<WorkTeam> teams = teamVillage < 0 ? List.of() : List.of(new WorkTeam("t", village(teamVillage),
                            "工作队", null, day(-10), null, List.of(new TeamMember("C9", "队长", day(-10), null))));
                    List<Region> villages = new ArrayList<>();
                    for (int v = 0; v <= 5; v++) {
                        villages.add(new Region(village(v), "村" + v, 1000, v % 2 == 0));
                    }
                    return new World(households, villages, cps, ups, teams);
                });
    }

    @Property
    void everyPoorHouseholdIsEitherPairedOnTheDayOrListedAsUnpaired(@ForAll("worlds") World w) {
        CoverageReport r = Coverage.compute(COUNTY, ON, summaries(w), w.villages, w.cadrePairings, w.unitPairings,
                w.teams, Map.of());
        Set<String> activelyPaired = new HashSet<>();
        w.cadrePairings.stream().filter(p -> p.activeOn(ON)).forEach(p -> activelyPaired.add(p.householdId()));
        List<String> poor = w.households.stream().filter(h -> h.status().poor()).map(Household::id).toList();
        assertThat(r.poorHouseholds()).isEqualTo(poor.size());
        assertThat(r.pairedPoorHouseholds() + r.unpairedHouseholds().size()).isEqualTo(poor.size());
        assertThat(r.unpairedHouseholds()).containsExactlyElementsOf(
                poor.stream().filter(id -> !activelyPaired.contains(id)).sorted().toList());
        assertThat(r.cadreLoads().stream().mapToInt(CoverageReport.CadreLoad::households).sum())
                .isEqualTo((int) w.cadrePairings.stream().filter(p -> p.activeOn(ON)).count());
    }

    @Property
    void aPoorVillageIsUncoveredExactlyWhenNoUnitIsPairedAndNoTeamIsStationedThere(@ForAll("worlds") World w) {
        CoverageReport r = Coverage.compute(COUNTY, ON, summaries(w), w.villages, w.cadrePairings, w.unitPairings,
                w.teams, Map.of());
        for (Region v : w.villages) {
            boolean unit = w.unitPairings.stream().anyMatch(p -> p.village().equals(v.code()) && p.kind().unit()
                    && p.activeOn(ON));
            boolean team = w.teams.stream().anyMatch(t -> t.village().equals(v.code()) && t.stationedOn(ON));
            boolean listed = r.villagesWithoutUnitOrTeam().contains(v.code());
            assertThat(listed).as(v.code().value()).isEqualTo(v.poor() && !unit && !team);
        }
        assertThat(r.poorVillages()).isEqualTo(3);
        assertThat(r.complete()).isEqualTo(r.unpairedHouseholds().isEmpty() && r.villagesWithoutUnitOrTeam().isEmpty());
    }

    @Property
    void aNarrowerAreaSeesOnlyItsOwnHouseholdsAndVillages(@ForAll("worlds") World w) {
        RegionCode one = village(2);
        CoverageReport r = Coverage.compute(one, ON, summaries(w), w.villages, w.cadrePairings, w.unitPairings,
                w.teams, Map.of());
        assertThat(r.poorHouseholds()).isEqualTo(
                (int) w.households.stream().filter(h -> h.region().equals(one) && h.status().poor()).count());
        assertThat(r.villagesWithoutUnitOrTeam()).allMatch(one::equals);
    }

    @Property(tries = 50)
    void overloadedCadresAreThoseAboveTheirMaximum(@ForAll("worlds") World w) {
        Map<String, Cadre> cadres = Map.of("C0", new Cadre("C0", "甲", CadreRole.UNIT_STAFF, null, COUNTY, 1),
                "C1", new Cadre("C1", "乙", CadreRole.UNIT_STAFF, null, COUNTY, 100));
        CoverageReport r = Coverage.compute(COUNTY, ON, summaries(w), w.villages, w.cadrePairings, w.unitPairings,
                w.teams, cadres);
        long c0 = w.cadrePairings.stream().filter(p -> p.cadreId().equals("C0") && p.activeOn(ON)).count();
        assertThat(r.overloaded().stream().anyMatch(l -> l.cadreId().equals("C0"))).isEqualTo(c0 > 1);
        assertThat(r.overloaded()).noneMatch(l -> l.cadreId().equals("C1"));
    }

    private static List<HouseholdSummary> summaries(World w) {
        return w.households.stream().map(HouseholdSummary::of).toList();
    }
}

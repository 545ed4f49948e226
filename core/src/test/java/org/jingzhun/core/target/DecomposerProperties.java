package org.jingzhun.core.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jingzhun.core.target.Decomposer.PoorHousehold;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.region.RegionTree;
import org.jingzhun.spi.target.ReductionTarget;

class DecomposerProperties {
    static final RegionCode COUNTY = RegionCode.of("341702000000");

    record Scenario(RegionTree tree, List<PoorHousehold> poor, int households) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<PoorHousehold> household = Combinators.combine(
                Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(1, 8), Arbitraries.integers().between(-1, 6000))
                .as((town, village, size, income) -> new PoorHousehold(null,
                        RegionCode.of(String.format("341702%03d%03d", 100 + town, 200 + village)), size,
                        income < 0 ? null : BigDecimal.valueOf(income, 0).setScale(2)));
        return household.list().ofMaxSize(80).flatMap(list -> {
            List<PoorHousehold> poor = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                PoorHousehold h = list.get(i);
                poor.add(new PoorHousehold(String.format("341702-%08d", i + 1), h.village(), h.people(),
                        h.perCapitaIncome()));
            }
            List<Region> regions = new ArrayList<>();
            regions.add(new Region(COUNTY, "贵池区", 100_000, false));
            for (int t = 1; t <= 4; t++) {
                RegionCode town = RegionCode.of(String.format("341702%03d000", 100 + t));
                regions.add(new Region(town, "镇" + t, 10_000, false));
                for (int v = 1; v <= 5; v++) {
                    regions.add(new Region(RegionCode.of(String.format("341702%03d%03d", 100 + t, 200 + v)),
                            "村" + t + v, 1000, v == 1));
                }
            }
            return Arbitraries.integers().between(0, poor.size())
                    .map(hhTarget -> new Scenario(RegionTree.of(regions), poor, hhTarget));
        });
    }

    @Property(tries = 200)
    void childrenSumExactlyToTheirParentAtEveryLevel(@ForAll("scenarios") Scenario s) {
        List<ReductionTarget> all = Decomposer.decompose(COUNTY, 2017, s.households, s.tree, s.poor);
        Map<RegionCode, ReductionTarget> byArea = all.stream()
                .collect(Collectors.toMap(ReductionTarget::area, Function.identity()));
        for (ReductionTarget parent : all) {
            if (parent.level() == RegionLevel.VILLAGE) {
                assertThat(parent.plannedHouseholds()).hasSize(parent.households());
                continue;
            }
            List<ReductionTarget> children = all.stream()
                    .filter(c -> c.level() == parent.level().child() && parent.area().contains(c.area())).toList();
            assertThat(children.stream().mapToInt(ReductionTarget::households).sum())
                    .as("households under %s", parent.area()).isEqualTo(parent.households());
            assertThat(children.stream().mapToInt(ReductionTarget::people).sum())
                    .as("people under %s", parent.area()).isEqualTo(parent.people());
        }
        assertThat(byArea.get(COUNTY).households()).isEqualTo(s.households);
    }

    @Property(tries = 300)
    void everyVillagesPeopleTargetIsThePeopleOfItsPlannedHouseholds(@ForAll("scenarios") Scenario s) {
        Map<String, Integer> size = s.poor.stream()
                .collect(Collectors.toMap(PoorHousehold::id, PoorHousehold::people));
        List<ReductionTarget> all = Decomposer.decompose(COUNTY, 2017, s.households, s.tree, s.poor);
        int plannedEverywhere = 0;
        for (ReductionTarget t : all) {
            if (t.level() == RegionLevel.VILLAGE) {
                int planned = t.plannedHouseholds().stream().mapToInt(size::get).sum();
                assertThat(t.people()).as("people target of %s", t.area()).isEqualTo(planned);
                assertThat(t.plannedPeople()).isEqualTo(planned);
                plannedEverywhere += planned;
            }
        }
        // Reconciled upwards: the county asks for exactly the people of the households planned below it.
        assertThat(all.get(0).area()).isEqualTo(COUNTY);
        assertThat(all.get(0).people()).isEqualTo(plannedEverywhere);
    }

    @Property(tries = 200)
    void noAreaIsAskedForMoreThanThePoorWhoRemainThere(@ForAll("scenarios") Scenario s) {
        for (ReductionTarget t : Decomposer.decompose(COUNTY, 2017, s.households, s.tree, s.poor)) {
            List<PoorHousehold> inside = s.poor.stream().filter(h -> t.area().contains(h.village())).toList();
            assertThat(t.poorHouseholds()).isEqualTo(inside.size());
            assertThat(t.poorPeople()).isEqualTo(inside.stream().mapToInt(PoorHousehold::people).sum());
            assertThat(t.households()).isBetween(0, t.poorHouseholds());
            assertThat(t.people()).isBetween(0, t.poorPeople());
        }
    }

    @Property(tries = 200)
    void plannedHouseholdsArePoorHouseholdsOfTheVillageAndTheMostReady(@ForAll("scenarios") Scenario s) {
        for (ReductionTarget t : Decomposer.decompose(COUNTY, 2017, s.households, s.tree, s.poor)) {
            if (t.level() != RegionLevel.VILLAGE) {
                assertThat(t.plannedHouseholds()).isEmpty();
                continue;
            }
            List<PoorHousehold> inVillage = new ArrayList<>(s.poor.stream()
                    .filter(h -> h.village().equals(t.area())).toList());
            inVillage.sort(Decomposer.READINESS);
            List<PoorHousehold> expected = inVillage.subList(0, t.households());
            assertThat(t.plannedHouseholds())
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(PoorHousehold::id).toList());
            assertThat(t.plannedPeople()).isEqualTo(expected.stream().mapToInt(PoorHousehold::people).sum());
        }
    }

    @Example
    void aVillageWithHouseholdsButNoRegionRowStillGetsItsShare() {
        RegionTree tree = RegionTree.of(List.of(new Region(COUNTY, "贵池区", 1000, false)));
        RegionCode v = RegionCode.of("341702100201");
        List<PoorHousehold> poor = List.of(new PoorHousehold("341702-1", v, 3, null),
                new PoorHousehold("341702-2", v, 2, new BigDecimal("2500.00")));
        List<ReductionTarget> out = Decomposer.decompose(COUNTY, 2017, 1, tree, poor);
        assertThat(out).extracting(ReductionTarget::area)
                .containsExactly(COUNTY, RegionCode.of("341702100000"), v);
        assertThat(out.get(2).plannedHouseholds()).containsExactly("341702-2");
        assertThat(out.get(2).plannedPeople()).isEqualTo(2);
        assertThat(out).extracting(ReductionTarget::people).containsExactly(2, 2, 2);
    }
}

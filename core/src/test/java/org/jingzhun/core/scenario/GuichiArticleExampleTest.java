package org.jingzhun.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.core.pairing.CoverageReport;
import org.jingzhun.core.plan.AdvancementCheck;
import org.jingzhun.core.testsupport.Households;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.pairing.Cadre;
import org.jingzhun.spi.pairing.CadreRole;
import org.jingzhun.spi.pairing.HelpingUnit;
import org.jingzhun.spi.pairing.TeamMember;
import org.jingzhun.spi.pairing.UnitLevel;
import org.jingzhun.spi.pairing.UnitPairing;
import org.jingzhun.spi.pairing.UnitPairingKind;
import org.jingzhun.spi.plan.FundCommitment;
import org.jingzhun.spi.funds.FundSourceKind;
import org.jingzhun.spi.plan.MeasureStatus;
import org.jingzhun.spi.plan.MeasureType;
import org.jingzhun.spi.plan.UnitCommitment;
import org.jingzhun.spi.plan.VillageAdvancement;
import org.jingzhun.spi.plan.VillagePlan;
import org.jingzhun.spi.plan.VillageProject;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.storage.memory.MemoryStoragePlugin;
import org.junit.jupiter.api.Test;

/**
 * Shaped like the 2016 Guichi article: 14 poor villages; 3 city leaders contact 3 of them and 14 district leaders
 * all 14; 15 district units and 8 city units are paired as resident or twinned units, a work team is stationed in
 * each village; whole-village advancement runs three years in all 14, with the units' 840,000 yuan and eight sector
 * projects' 920,000 yuan in the first year.
 */
class GuichiArticleExampleTest {
    static final RegionCode GUICHI = RegionCode.of("341702000000");
    static final LocalDate DAY = LocalDate.of(2016, 5, 1);

    @Test
    void fourteenPoorVillagesArePairedAdvancedAndCovered() {
        Principal admin = Principal.officer("guichi", GUICHI);
        try (Jingzhun jz = Jingzhun.builder().plugin(new MemoryStoragePlugin()).storage("memory").build()) {
            List<Region> regions = new ArrayList<>(List.of(new Region(GUICHI, "贵池区", 537_000, false)));
            List<RegionCode> villages = new ArrayList<>();
            for (int t = 0; t < 7; t++) {
                RegionCode town = RegionCode.of(String.format("341702%03d000", 100 + t));
                regions.add(new Region(town, "镇" + t, 40_000, false));
                for (int v = 0; v < 3; v++) {
                    RegionCode village = RegionCode.of(String.format("341702%03d%03d", 100 + t, 201 + v));
                    boolean poor = v < 2; // two poor villages per town: 14 in all
                    regions.add(new Region(village, "村" + t + v, 2_000, poor));
                    if (poor) {
                        villages.add(village);
                    }
                }
            }
            jz.regions().define(admin, regions, "division list");
            assertThat(villages).hasSize(14);
            Households gen = new Households();
            for (RegionCode v : villages) {
                for (int i = 0; i < 2; i++) {
                    jz.registry().register(admin, gen.household(v, 2 + i, PovertyCause.ILLNESS).build(), "2014");
                }
            }

            List<String> districtUnits = new ArrayList<>();
            List<String> cityUnits = new ArrayList<>();
            for (int i = 1; i <= 15; i++) {
                districtUnits.add(jz.pairing().saveUnit(admin, new HelpingUnit("QU-" + i, "区直单位" + i,
                        UnitLevel.COUNTY, GUICHI), "2017 pairing").id());
            }
            for (int i = 1; i <= 8; i++) {
                cityUnits.add(jz.pairing().saveUnit(admin, new HelpingUnit("SHI-" + i, "市直单位" + i,
                        UnitLevel.CITY, GUICHI), "2017 pairing").id());
            }
            for (int i = 0; i < 3; i++) {
                jz.pairing().saveCadre(admin, new Cadre("SL-" + i, "市领导" + i, CadreRole.CITY_LEADER, null, GUICHI,
                        0), "2017 pairing");
                jz.pairing().pairVillage(admin, villages.get(i), UnitPairingKind.LEADER_CONTACT, "SL-" + i, DAY,
                        "市级领导定点联系");
            }
            for (int i = 0; i < 14; i++) {
                jz.pairing().saveCadre(admin, new Cadre("QL-" + i, "区领导" + i, CadreRole.COUNTY_LEADER, null, GUICHI,
                        0), "2017 pairing");
                jz.pairing().pairVillage(admin, villages.get(i), UnitPairingKind.LEADER_CONTACT, "QL-" + i, DAY,
                        "区级领导定点联系");
            }
            CoverageReport before = jz.pairing().coverage(admin, GUICHI, DAY);
            assertThat(before.villagesWithoutLeader()).isEmpty();
            assertThat(before.villagesWithoutUnitOrTeam()).hasSize(14);

            List<String> allUnits = new ArrayList<>(districtUnits);
            allUnits.addAll(cityUnits);
            for (int i = 0; i < allUnits.size(); i++) {
                RegionCode v = villages.get(i % 14);
                jz.pairing().pairVillage(admin, v, i < 14 ? UnitPairingKind.RESIDENT_UNIT
                        : UnitPairingKind.TWINNED_UNIT, allUnits.get(i), DAY, "驻村帮扶和结对帮扶");
            }
            for (int i = 0; i < 14; i++) {
                String leader = "TD-" + i;
                jz.pairing().saveCadre(admin, new Cadre(leader, "队长" + i, CadreRole.UNIT_STAFF, allUnits.get(i),
                        GUICHI, 10), "2017 pairing");
                jz.pairing().createWorkTeam(admin, villages.get(i), "驻村扶贫工作队" + i, allUnits.get(i), DAY,
                        List.of(new TeamMember(leader, "队长", DAY, null)), "组建驻村扶贫工作队");
            }
            List<UnitPairing> pairings = jz.pairing().villagePairings(admin, GUICHI);
            assertThat(pairings.stream().filter(p -> p.kind() == UnitPairingKind.LEADER_CONTACT)).hasSize(17);
            assertThat(pairings.stream().filter(p -> p.kind().unit())).hasSize(23);

            // Every poor household gets a cadre (干部包户), the team leaders taking them.
            jz.pairing().pairUnpaired(admin, GUICHI, List.of("TD-0", "TD-1", "TD-2", "TD-3"), DAY, "干部包户");
            CoverageReport after = jz.pairing().coverage(admin, GUICHI, DAY);
            assertThat(after.complete()).isTrue();
            assertThat(after.poorVillages()).isEqualTo(14);
            assertThat(after.poorHouseholds()).isEqualTo(28);

            // Whole-village advancement: 3 years of projects, funds and units in every poor village.
            BigDecimal unitFundsTotal = BigDecimal.ZERO;
            BigDecimal sectorTotal = BigDecimal.ZERO;
            for (int i = 0; i < 14; i++) {
                RegionCode v = villages.get(i);
                String unit = allUnits.get(i);
                List<FundCommitment> funds = new ArrayList<>();
                funds.add(new FundCommitment(2016, unit, FundSourceKind.UNIT_PAIRING, new BigDecimal("60000")));
                List<VillageProject> projects = new ArrayList<>();
                projects.add(new VillageProject("P1", "村道硬化", MeasureType.INFRASTRUCTURE,
                        Map.of(2016, new BigDecimal("60000"), 2017, new BigDecimal("50000"),
                                2018, new BigDecimal("50000")),
                        FundSourceKind.UNIT_PAIRING, unit, LocalDate.of(2018, 12, 31), MeasureStatus.IN_PROGRESS,
                        List.of()));
                if (i < 8) {
                    funds.add(new FundCommitment(2016, "区农委", FundSourceKind.INTEGRATED_SECTOR, new BigDecimal("115000")));
                    projects.add(new VillageProject("P2", "一村一品产业基地", MeasureType.INDUSTRY,
                            Map.of(2016, new BigDecimal("115000")), FundSourceKind.INTEGRATED_SECTOR, "区农委",
                            LocalDate.of(2016, 12, 31), MeasureStatus.PLANNED, List.of()));
                    sectorTotal = sectorTotal.add(new BigDecimal("115000"));
                }
                funds.add(new FundCommitment(2017, unit, FundSourceKind.UNIT_PAIRING, new BigDecimal("50000")));
                funds.add(new FundCommitment(2018, unit, FundSourceKind.UNIT_PAIRING, new BigDecimal("50000")));
                unitFundsTotal = unitFundsTotal.add(new BigDecimal("60000"));
                jz.plans().saveAdvancement(admin, new VillageAdvancement(v, 2016, projects, funds,
                        List.of(new UnitCommitment(unit, 2016, 2018))), 0, "整村推进");
                AdvancementCheck check = jz.plans().checkAdvancement(admin, v, 2016);
                assertThat(check.findings()).as(v.value()).isEmpty();
                jz.plans().saveVillagePlan(admin, new VillagePlan(v, 2016, "发展特色种养业，村集体经济收入达到5万元",
                        List.of(), projects), 0, "一村一策");
            }
            assertThat(unitFundsTotal).isEqualByComparingTo("840000");
            assertThat(sectorTotal).isEqualByComparingTo("920000");
            assertThat(jz.plans().generateHouseholdPlans(admin, GUICHI, 2016, new BigDecimal("3000"), "一户一策"))
                    .hasSize(28);
            assertThat(jz.fourLists().forVillage(admin, villages.get(0), 2016).responsibilities())
                    .extracting(r -> r.role()).contains("领导定点联系", "驻村帮扶单位", "结对帮扶单位", "驻村工作队",
                            "包户干部", "项目责任单位");

            // A unit that leaves after one year breaks 连帮3年; a fourth-year budget is refused outright.
            RegionCode v0 = villages.get(0);
            VillageAdvancement a = jz.plans().advancement(admin, v0, 2016).orElseThrow().value();
            VillageAdvancement shorter = new VillageAdvancement(v0, 2016, a.projects(), a.funds().subList(0, 2),
                    List.of(new UnitCommitment(allUnits.get(0), 2016, 2016)));
            jz.plans().saveAdvancement(admin, shorter, 1, "单位调整");
            assertThat(jz.plans().checkAdvancement(admin, v0, 2016).findings()).extracting(f -> f.code())
                    .containsExactlyInAnyOrder("advancement.no_funds", "advancement.no_funds",
                            "advancement.over_budget", "advancement.over_budget", "advancement.unit_gap",
                            "advancement.unit_gap");
            VillageAdvancement fourYears = new VillageAdvancement(v0, 2016, List.of(new VillageProject("P9", "水利",
                    MeasureType.INFRASTRUCTURE, Map.of(2019, BigDecimal.TEN), FundSourceKind.COUNTY_FISCAL, "区水利局",
                    LocalDate.of(2019, 12, 31), MeasureStatus.PLANNED, List.of())), a.funds(), a.units());
            assertThatThrownBy(() -> jz.plans().saveAdvancement(admin, fourYears, 2, "x"))
                    .isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).violations()).extracting(x -> x.code())
                            .contains("advancement.year_outside"));
        }
    }
}

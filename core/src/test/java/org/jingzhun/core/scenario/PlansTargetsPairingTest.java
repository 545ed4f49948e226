package org.jingzhun.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.pairing.CoverageReport;
import org.jingzhun.core.registry.HistoryEntry;
import org.jingzhun.core.testsupport.Households;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.AccessDeniedException;
import org.jingzhun.spi.error.JingzhunException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.pairing.Cadre;
import org.jingzhun.spi.pairing.CadrePairing;
import org.jingzhun.spi.pairing.CadreRole;
import org.jingzhun.spi.pairing.HelpingUnit;
import org.jingzhun.spi.pairing.TeamMember;
import org.jingzhun.spi.pairing.UnitLevel;
import org.jingzhun.spi.pairing.UnitPairingKind;
import org.jingzhun.spi.plan.FourLists;
import org.jingzhun.spi.plan.HouseholdPlan;
import org.jingzhun.spi.plan.Measure;
import org.jingzhun.spi.plan.MeasureStatus;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.target.ReductionTarget;
import org.jingzhun.spi.target.TargetProgress;
import org.jingzhun.storage.memory.MemoryStoragePlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The "done when", through the public API on storage-memory. */
class PlansTargetsPairingTest {
    static final RegionCode COUNTY = RegionCode.of("341702000000");
    static final RegionCode MEIJIE = RegionCode.of("341702100000");
    static final RegionCode LIUJIE = RegionCode.of("341702100201");
    static final RegionCode XIAOCUN = RegionCode.of("341702100202");
    static final RegionCode TANGXI = RegionCode.of("341702101000");
    static final RegionCode SHANGCUN = RegionCode.of("341702101201");
    static final LocalDate START = LocalDate.of(2017, 3, 1);

    final Households gen = new Households();
    final Principal admin = Principal.officer("county-admin", COUNTY);
    Jingzhun jz;
    final List<Household> poor = new ArrayList<>();

    @BeforeEach
    void setUp() {
        jz = Jingzhun.builder().plugin(new MemoryStoragePlugin()).storage("memory")
                .clock(Clock.fixed(Instant.parse("2017-06-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"))).build();
        jz.regions().define(admin, List.of(new Region(COUNTY, "贵池区", 400_000, false),
                new Region(MEIJIE, "梅街镇", 30_000, false), new Region(LIUJIE, "刘街村", 2_000, true),
                new Region(XIAOCUN, "小村", 1_500, false), new Region(TANGXI, "棠溪镇", 20_000, false),
                new Region(SHANGCUN, "上村", 1_800, true)), "2016 division list");
        int[][] spec = { // village index, size, income per head (−1 none)
            {0, 3, 2800}, {0, 2, 1500}, {0, 4, 3000}, {0, 1, -1}, {1, 2, 2000}, {1, 3, 2900},
            {2, 4, 2500}, {2, 2, 2950}, {2, 3, 1000}, {2, 1, 2999}};
        RegionCode[] villages = {LIUJIE, XIAOCUN, SHANGCUN};
        PovertyCause[] causes = {PovertyCause.ILLNESS, PovertyCause.LACK_OF_CAPITAL, PovertyCause.LACK_OF_SKILLS};
        for (int i = 0; i < spec.length; i++) {
            Household h = jz.registry().register(admin, gen.household(villages[spec[i][0]], spec[i][1],
                    causes[i % 3]).build(), "baseline");
            poor.add(h);
            if (spec[i][2] >= 0) {
                jz.registry().recordIncome(admin, new IncomeStatement(h.id(), 2016, Map.of(IncomeItem.WAGES,
                        BigDecimal.valueOf((long) spec[i][2] * spec[i][1])), BigDecimal.ZERO, spec[i][1], 0), "2016");
            }
        }
        // Already exited households are not poor and are never targeted.
        jz.registry().register(admin, gen.household(LIUJIE, 5, PovertyCause.OTHER).status(PovertyStatus.EXITED)
                .build(), "baseline");
    }

    @AfterEach
    void tearDown() {
        jz.close();
    }

    @Test
    void aCountySetsDecomposesPlansListsPairsAndReadsProgress() {
        // --- pairing: every poor household gets a cadre within the maximum load
        jz.pairing().saveUnit(admin, new HelpingUnit("U-FIN", "区财政局", UnitLevel.COUNTY, COUNTY), "2017 pairing");
        jz.pairing().saveCadre(admin, new Cadre("C-1", "王明", CadreRole.UNIT_STAFF, "U-FIN", COUNTY, 4), "2017 pairing");
        jz.pairing().saveCadre(admin, new Cadre("C-2", "陈芳", CadreRole.UNIT_STAFF, "U-FIN", COUNTY, 4), "2017 pairing");
        jz.pairing().saveCadre(admin, new Cadre("C-3", "赵强", CadreRole.TOWNSHIP_STAFF, null, COUNTY, 2), "2017 pairing");
        assertThat(jz.pairing().coverage(admin, COUNTY, START).unpairedHouseholds()).hasSize(10);
        assertThatThrownBy(() -> jz.pairing().pairUnpaired(admin, COUNTY, List.of("C-1", "C-2"), START, "x"))
                .isInstanceOf(WorkflowException.class)
                .satisfies(e -> assertThat(((JingzhunException) e).code()).isEqualTo("pairing.capacity"));
        assertThat(jz.pairing().coverage(admin, COUNTY, START).unpairedHouseholds()).as("nothing half-written")
                .hasSize(10);
        List<CadrePairing> made = jz.pairing().pairUnpaired(admin, COUNTY, List.of("C-1", "C-2", "C-3"), START,
                "干部包户");
        assertThat(made).hasSize(10);
        CoverageReport cov = jz.pairing().coverage(admin, COUNTY, START);
        assertThat(cov.unpairedHouseholds()).isEmpty();
        assertThat(cov.poorHouseholds()).isEqualTo(10);
        assertThat(cov.overloaded()).isEmpty();
        assertThat(cov.cadreLoads()).extracting(CoverageReport.CadreLoad::households).containsExactly(4, 4, 2);
        assertThat(cov.villagesWithoutUnitOrTeam()).containsExactly(LIUJIE, SHANGCUN);

        Household first = poor.get(0);
        String firstCadre = jz.pairing().currentCadre(admin, first.id()).orElseThrow().cadreId();
        String other = firstCadre.equals("C-3") ? "C-1" : "C-3";
        assertThatThrownBy(() -> jz.pairing().pairCadre(admin, first.id(), other, START.plusDays(30), "swap"))
                .isInstanceOf(WorkflowException.class)
                .satisfies(e -> assertThat(((JingzhunException) e).code()).isEqualTo("pairing.cadre_overloaded"));
        jz.pairing().saveCadre(admin, new Cadre("C-4", "刘洋", CadreRole.VILLAGE_CADRE, null, COUNTY, 5), "2017 pairing");
        jz.pairing().pairCadre(admin, first.id(), "C-4", START.plusDays(30), "调整包户干部");
        List<CadrePairing> history = jz.pairing().cadreHistory(admin, first.id());
        assertThat(history).extracting(CadrePairing::cadreId).containsExactly(firstCadre, "C-4");
        assertThat(history.get(0).to()).isEqualTo(START.plusDays(29));
        assertThat(history.get(1).open()).isTrue();
        assertThat(jz.registry().history(admin, first.id())).extracting(HistoryEntry::action)
                .contains("pair-cadre", "unpair-cadre", "reassign-cadre");

        jz.pairing().pairVillage(admin, LIUJIE, UnitPairingKind.RESIDENT_UNIT, "U-FIN", START, "单位包村");
        jz.pairing().createWorkTeam(admin, SHANGCUN, "上村驻村工作队", "U-FIN", START,
                List.of(new TeamMember("C-2", "第一书记", START, null)), "驻村");
        assertThat(jz.pairing().coverage(admin, COUNTY, START).complete()).isTrue();

        // --- targets: set, refuse the impossible, decompose to households
        assertThatThrownBy(() -> jz.targets().setCountyTarget(admin, COUNTY, 2017, 11, 30, "too many"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations()).extracting(v -> v.code())
                        .contains("target.exceeds_poor"));
        assertThatThrownBy(() -> jz.targets().setCountyTarget(Principal.viewer("v", COUNTY), COUNTY, 2017, 1, 1,
                "x")).isInstanceOf(AccessDeniedException.class);
        jz.targets().setCountyTarget(admin, COUNTY, 2017, 4, 10, "2017年减贫任务");
        List<ReductionTarget> parts = jz.targets().decompose(admin, COUNTY, 2017, "分解到镇村户");
        assertThat(parts).extracting(ReductionTarget::area)
                .containsExactly(COUNTY, MEIJIE, TANGXI, LIUJIE, XIAOCUN, SHANGCUN);
        assertThat(parts.stream().filter(t -> t.level() == RegionLevel.TOWNSHIP)
                .mapToInt(ReductionTarget::households).sum()).isEqualTo(4);
        assertThat(parts.stream().filter(t -> t.level() == RegionLevel.VILLAGE)
                .mapToInt(ReductionTarget::people).sum()).isEqualTo(10);
        List<String> planned = parts.stream().flatMap(t -> t.plannedHouseholds().stream()).toList();
        assertThat(planned).hasSize(4);
        ReductionTarget liujie = jz.targets().find(admin, LIUJIE, 2017).orElseThrow();
        // Poor people: 刘街村 10, 小村 5 (梅街镇 15), 上村 10 (棠溪镇 10), 25 in all. Households 4 × 15/25 = 2.4 and
        // 1.6 → 2 and 2 (larger remainder); in 梅街镇 2 × 10/15 = 1.33 and 0.67 → 1 and 1. People follow the planned
        // households: 刘街村 the 4-person household (3000 a head), 小村 the 3-person one (2900), 上村 those of 1 and 2
        // people (2999, 2950): 4, 3 and 3, so 梅街镇 7, 棠溪镇 3 and the county 10.
        assertThat(parts).extracting(ReductionTarget::households).containsExactly(4, 2, 2, 1, 1, 2);
        assertThat(parts).extracting(ReductionTarget::people).containsExactly(10, 7, 3, 4, 3, 3);
        assertThat(liujie.households()).isEqualTo(1);
        // The most ready is the household with the highest 2016 income per head (3000).
        assertThat(liujie.plannedHouseholds()).containsExactly(poor.get(2).id());
        assertThat(liujie.plannedPeople()).isEqualTo(4);
        assertThat(jz.registry().history(admin, poor.get(2).id())).extracting(HistoryEntry::action)
                .contains("plan-exit");

        // --- plans: generate drafts, edit, record progress
        List<Versioned<HouseholdPlan>> plans = jz.plans().generateHouseholdPlans(admin, COUNTY, 2017,
                new BigDecimal("3100"), "一户一策");
        assertThat(plans).hasSize(10);
        assertThat(jz.plans().generateHouseholdPlans(admin, COUNTY, 2017, new BigDecimal("3100"), "again"))
                .isEmpty();
        Versioned<HouseholdPlan> p0 = jz.plans().householdPlan(admin, first.id(), 2017).orElseThrow();
        assertThat(p0.value().responsibleCadre()).isEqualTo("C-4");
        assertThat(p0.value().measures()).isNotEmpty();
        Measure m1 = p0.value().measures().get(0);
        Measure edited = new Measure(m1.id(), m1.type(), "签约家庭医生，落实351兜底", new BigDecimal("1200"),
                new BigDecimal("800"), m1.fundingSource(), "C-4", LocalDate.of(2017, 9, 30), MeasureStatus.PLANNED,
                List.of());
        List<Measure> measures = new ArrayList<>(p0.value().measures());
        measures.set(0, edited);
        Versioned<HouseholdPlan> saved = jz.plans().saveHouseholdPlan(admin, p0.value().withMeasures(measures),
                p0.version(), "入户核实后修改");
        assertThat(saved.value().totalCost()).isEqualByComparingTo("1200.00");
        Versioned<HouseholdPlan> progressed = jz.plans().recordMeasureProgress(admin, first.id(), 2017, m1.id(),
                MeasureStatus.IN_PROGRESS, "已签约", saved.version());
        assertThat(progressed.value().measure(m1.id()).orElseThrow().progress()).singleElement()
                .satisfies(n -> assertThat(n.date()).isEqualTo(LocalDate.of(2017, 6, 1)));
        assertThatThrownBy(() -> jz.plans().recordMeasureProgress(admin, first.id(), 2017, m1.id(),
                MeasureStatus.PLANNED, "back", progressed.version()))
                .isInstanceOf(WorkflowException.class);
        assertThatThrownBy(() -> jz.plans().saveHouseholdPlan(admin, p0.value(), p0.version(), "stale"))
                .isInstanceOf(JingzhunException.class);
        assertThat(jz.registry().history(admin, first.id())).extracting(HistoryEntry::action)
                .contains("create-plan", "edit-plan", "measure-progress");

        // --- four lists
        FourLists lists = jz.fourLists().forHousehold(admin, poor.get(0).id(), 2017);
        assertThat(lists.needs()).isNotEmpty();
        assertThat(lists.measures()).extracting(FourLists.MeasureLine::description)
                .contains("签约家庭医生，落实351兜底");
        assertThat(lists.responsibilities()).extracting(FourLists.ResponsibilityLine::responsible)
                .contains("C-4 刘洋");
        assertThat(lists.targets()).extracting(FourLists.TargetLine::target)
                .contains("人均纯收入达到3100.00元").doesNotContain("年度脱贫退出");
        assertThat(jz.fourLists().forHousehold(admin, poor.get(2).id(), 2017).targets())
                .extracting(FourLists.TargetLine::target).contains("年度脱贫退出");
        FourLists village = jz.fourLists().forVillage(admin, LIUJIE, 2017);
        assertThat(village.responsibilities()).extracting(FourLists.ResponsibilityLine::responsible)
                .contains("U-FIN 区财政局");
        assertThat(village.targets()).extracting(FourLists.TargetLine::target).contains("年度减贫1户4人");
        String printed = jz.fourLists().print(village);
        assertThat(printed).contains("一、需求清单", "二、措施清单", "三、责任清单", "四、目标和时限清单", "刘街村");

        // --- progress: one planned household exits
        Household exiting = jz.registry().get(admin, poor.get(2).id());
        jz.registry().amend(admin, exiting.toBuilder().status(PovertyStatus.EXITED).build(), "脱贫退出");
        TargetProgress progress = jz.targets().progress(admin, COUNTY, 2017);
        assertThat(progress.targetHouseholds()).isEqualTo(4);
        assertThat(progress.exitedHouseholds()).isEqualTo(1);
        assertThat(progress.exitedPeople()).isEqualTo(4);
        TargetProgress meijie = progress.children().get(0);
        assertThat(meijie.area()).isEqualTo(MEIJIE);
        assertThat(meijie.exitedHouseholds()).isEqualTo(1);
        assertThat(meijie.children().get(0).exitedHouseholds()).isEqualTo(1);
        assertThat(progress.children().get(1).exitedHouseholds()).isZero();
        assertThat(jz.targets().progress(admin, LIUJIE, 2017).name()).isEqualTo("刘街村");
    }

    @Test
    void reDecomposingAfterChangesReplacesTheOldDecomposition() {
        jz.targets().setCountyTarget(admin, COUNTY, 2017, 2, 5, "first");
        jz.targets().decompose(admin, COUNTY, 2017, "first");
        jz.targets().setCountyTarget(admin, COUNTY, 2017, 3, 8, "raised");
        List<ReductionTarget> again = jz.targets().decompose(admin, COUNTY, 2017, "again");
        List<ReductionTarget> stored = jz.targets().targets(admin, COUNTY, 2017);
        assertThat(stored).containsExactlyInAnyOrderElementsOf(again);
        assertThat(stored.stream().filter(t -> t.level() == RegionLevel.VILLAGE)
                .mapToInt(t -> t.plannedHouseholds().size()).sum()).isEqualTo(3);
    }

    @Test
    void aTownshipOfficerCannotSetTheCountyTargetButReadsItsOwnProgress() {
        jz.targets().setCountyTarget(admin, COUNTY, 2017, 2, 5, "first");
        jz.targets().decompose(admin, COUNTY, 2017, "first");
        Principal township = Principal.officer("meijie", MEIJIE);
        assertThatThrownBy(() -> jz.targets().setCountyTarget(township, COUNTY, 2017, 1, 1, "x"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jz.targets().progress(township, MEIJIE, 2017).area()).isEqualTo(MEIJIE);
        assertThatThrownBy(() -> jz.targets().progress(township, TANGXI, 2017))
                .isInstanceOf(AccessDeniedException.class);
    }
}

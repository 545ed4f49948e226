package org.jingzhun.core.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jingzhun.core.funds.FundsFixtures.COUNTY;
import static org.jingzhun.core.funds.FundsFixtures.COUNTY_VIEWER;
import static org.jingzhun.core.funds.FundsFixtures.DAY;
import static org.jingzhun.core.funds.FundsFixtures.OFFICER;
import static org.jingzhun.core.funds.FundsFixtures.RECEIVED;
import static org.jingzhun.core.funds.FundsFixtures.TOWN_A;
import static org.jingzhun.core.funds.FundsFixtures.TOWN_A_OFFICER;
import static org.jingzhun.core.funds.FundsFixtures.VILLAGE_A1;
import static org.jingzhun.core.funds.FundsFixtures.VILLAGE_B1;
import static org.jingzhun.core.funds.FundsFixtures.project;
import static org.jingzhun.core.funds.FundsFixtures.source;
import static org.jingzhun.core.funds.FundsFixtures.yuan;

import java.util.List;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.core.Versioned;
import org.jingzhun.spi.error.AccessDeniedException;
import org.jingzhun.spi.error.InsufficientFundsException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.funds.AidProject;
import org.jingzhun.spi.funds.Allocation;
import org.jingzhun.spi.funds.Disbursement;
import org.jingzhun.spi.funds.FundSource;
import org.jingzhun.spi.funds.FundSourceKind;
import org.jingzhun.spi.funds.IntegrationPlan;
import org.jingzhun.spi.funds.LedgerEntry;
import org.jingzhun.spi.funds.Payee;
import org.jingzhun.spi.funds.ProjectCategory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fund integration plans (统筹整合): sector money pooled into projects, carried out through the ledger, reported. */
class IntegrationPlanTest {
    private Jingzhun jz;
    private FundsService funds;
    private FundSource transport;
    private FundSource water;
    private FundSource special;
    private AidProject road;
    private AidProject pipes;

    @BeforeEach
    void setUp() {
        jz = FundsFixtures.newJingzhun();
        funds = jz.funds();
        transport = funds.addSource(OFFICER, FundSource.of(FundSourceKind.INTEGRATED_SECTOR, "农村公路建设资金", 2016,
                yuan("300000"), COUNTY, "区交通运输局", RECEIVED), "2016 整合资金");
        water = funds.addSource(OFFICER, FundSource.of(FundSourceKind.INTEGRATED_SECTOR, "农村饮水安全资金", 2016,
                yuan("120000"), COUNTY, "区水利局", RECEIVED), "2016 整合资金");
        special = funds.addSource(OFFICER, source(FundSourceKind.COUNTY_FISCAL, "池财农〔2016〕12号", "100000", COUNTY),
                "2016 county special funds");
        road = funds.addProject(OFFICER, project(VILLAGE_A1, "刘街村道路硬化", ProjectCategory.INFRASTRUCTURE,
                "250000", List.of()), "village plan");
        pipes = funds.addProject(OFFICER, project(VILLAGE_B1, "石门村安全饮水", ProjectCategory.INFRASTRUCTURE,
                "150000", List.of()), "village plan");
    }

    @AfterEach
    void tearDown() {
        jz.close();
    }

    private IntegrationPlan plan(IntegrationPlan.Line... lines) {
        return new IntegrationPlan(COUNTY, 2016, "池政〔2016〕8号 统筹整合方案", List.of(lines));
    }

    private static IntegrationPlan.Line line(FundSource s, AidProject p, String amount) {
        return new IntegrationPlan.Line(s.id(), p.id(), yuan(amount));
    }

    @Test
    void aPlanIsCarriedOutAsAllocationsOnceAndReportedBySectorAndProject() {
        Versioned<IntegrationPlan> saved = funds.saveIntegrationPlan(OFFICER, plan(line(transport, road, "200000"),
                line(water, road, "20000"), line(water, pipes, "100000")), 0, "区政府常务会议通过");
        assertThat(funds.integrationPlan(COUNTY_VIEWER, COUNTY, 2016)).contains(saved);
        assertThat(funds.source(OFFICER, transport.id()).allocated()).as("a plan moves no money")
                .isEqualByComparingTo("0");

        List<LedgerEntry> entries = funds.carryOutIntegrationPlan(OFFICER, COUNTY, 2016, DAY, "按方案下达");
        assertThat(entries).extracting(e -> e.sourceId() + ">" + e.projectId() + " " + e.amount().toPlainString())
                .containsExactly(transport.id() + ">" + road.id() + " 200000.00",
                        water.id() + ">" + road.id() + " 20000.00", water.id() + ">" + pipes.id() + " 100000.00");
        assertThat(funds.carryOutIntegrationPlan(OFFICER, COUNTY, 2016, DAY, "again")).as("nothing twice").isEmpty();
        assertThat(funds.source(OFFICER, water.id()).unallocated()).isEqualByComparingTo("0");

        funds.disburse(OFFICER, Disbursement.of(road.id(), Payee.supplier("X1", "路桥公司"), yuan("50000"), DAY,
                "工程款"), "进度款");
        // The transport money is allocated first, so the disbursement draws it first (oldest allocation first).
        IntegrationReport r = funds.integrationReport(COUNTY_VIEWER, COUNTY, 2016);
        assertThat(r.title()).isEqualTo("池政〔2016〕8号 统筹整合方案");
        assertThat(r.lines()).extracting(l -> l.sector() + " " + l.projectName() + " " + l.planned().toPlainString()
                + " " + l.allocated().toPlainString() + " " + l.disbursed().toPlainString()).containsExactly(
                        "区交通运输局 刘街村道路硬化 200000.00 200000.00 50000.00",
                        "区水利局 刘街村道路硬化 20000.00 20000.00 0.00",
                        "区水利局 石门村安全饮水 100000.00 100000.00 0.00");
        assertThat(r.bySector()).extracting(t -> t.key() + " " + t.planned().toPlainString() + " "
                + t.disbursed().toPlainString()).containsExactly("区交通运输局 200000.00 50000.00",
                        "区水利局 120000.00 0.00");
        assertThat(r.byProject()).extracting(t -> t.key() + " " + t.allocated().toPlainString())
                .containsExactlyInAnyOrder(road.id() + " 220000.00", pipes.id() + " 100000.00");
    }

    @Test
    void thePlanNeverPromisesMoreThanASourceHoldsAndTheLedgerNeverAllocatesIt() {
        assertThatThrownBy(() -> funds.saveIntegrationPlan(OFFICER, plan(line(water, road, "80000"),
                line(water, pipes, "40000.01")), 0, "too much"))
                .isInstanceOfSatisfying(InsufficientFundsException.class, e -> {
                    assertThat(e.record()).isEqualTo("fund source " + water.id());
                    assertThat(e.asked()).isEqualByComparingTo("120000.01");
                    assertThat(e.available()).isEqualByComparingTo("120000");
                });
        assertThat(funds.integrationPlan(OFFICER, COUNTY, 2016)).isEmpty();

        // Sector money spent outside the plan first: carrying the plan out is refused whole, nothing written.
        funds.saveIntegrationPlan(OFFICER, plan(line(water, road, "20000"), line(water, pipes, "100000")), 0,
                "方案");
        AidProject school = funds.addProject(OFFICER, project(TOWN_A, "梅街镇中心小学饮水", ProjectCategory.EDUCATION,
                "30000", List.of()), "town plan");
        funds.allocate(OFFICER, new Allocation(water.id(), school.id(), yuan("30000"), DAY), "先行下达");
        int before = funds.entries(OFFICER, COUNTY, null).size();
        assertThatThrownBy(() -> funds.carryOutIntegrationPlan(OFFICER, COUNTY, 2016, DAY, "按方案下达"))
                .isInstanceOfSatisfying(InsufficientFundsException.class, e -> {
                    assertThat(e.record()).isEqualTo("fund source " + water.id());
                    assertThat(e.available()).isEqualByComparingTo("70000");
                });
        assertThat(funds.entries(OFFICER, COUNTY, null)).hasSize(before);
        assertThat(funds.source(OFFICER, water.id()).unallocated()).isEqualByComparingTo("90000");

        Versioned<IntegrationPlan> current = funds.integrationPlan(OFFICER, COUNTY, 2016).orElseThrow();
        funds.saveIntegrationPlan(OFFICER, plan(line(water, road, "10000"), line(water, pipes, "80000")),
                current.version(), "调整方案");
        assertThat(funds.carryOutIntegrationPlan(OFFICER, COUNTY, 2016, DAY, "按方案下达"))
                .extracting(e -> e.amount().toPlainString()).containsExactly("10000.00", "80000.00");
        assertThat(funds.source(OFFICER, water.id()).unallocated()).isEqualByComparingTo("0");
        // The money moved around the plan shows in the report with nothing planned.
        assertThat(funds.integrationReport(OFFICER, COUNTY, 2016).lines())
                .filteredOn(l -> l.projectId().equals(school.id())).singleElement()
                .satisfies(l -> {
                    assertThat(l.planned()).isEqualByComparingTo("0");
                    assertThat(l.allocated()).isEqualByComparingTo("30000");
                });
    }

    @Test
    void onlySectorSourcesOfTheYearPooledIntoOpenProjectsOnceEach() {
        assertThatThrownBy(() -> funds.saveIntegrationPlan(OFFICER, plan(line(special, road, "1000"),
                line(transport, road, "1000"), line(transport, road, "2000")), 0, "bad"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code()).containsExactly("funds.integration_kind",
                                "funds.integration_duplicate"));
        FundSource nextYear = funds.addSource(OFFICER, FundSource.of(FundSourceKind.INTEGRATED_SECTOR, "2017 公路",
                2017, yuan("1000"), COUNTY, "区交通运输局", RECEIVED), "2017");
        FundSource noSector = funds.addSource(OFFICER, FundSource.of(FundSourceKind.INTEGRATED_SECTOR, "整合资金",
                2016, yuan("1000"), TOWN_A, null, RECEIVED), "2016");
        assertThatThrownBy(() -> funds.saveIntegrationPlan(OFFICER, plan(line(nextYear, road, "500"),
                line(noSector, pipes, "500")), 0, "bad"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code()).containsExactly("funds.integration_year",
                                "funds.integration_sector", "funds.outside_area"));
        assertThatThrownBy(() -> funds.saveIntegrationPlan(OFFICER, new IntegrationPlan(TOWN_A, 2016, "镇方案",
                List.of(line(transport, road, "1"))), 0, "bad"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code()).containsExactly("funds.county_required"));
        assertThatThrownBy(() -> funds.saveIntegrationPlan(OFFICER, plan(line(transport, road, "1")), 0, " "))
                .isInstanceOf(WorkflowException.class);
        assertThatThrownBy(() -> funds.saveIntegrationPlan(TOWN_A_OFFICER, plan(line(transport, road, "1")), 0,
                "not mine")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> funds.saveIntegrationPlan(OFFICER, plan(line(transport, road, "250000.01")), 0,
                "above the budget")).isInstanceOfSatisfying(InsufficientFundsException.class,
                        e -> assertThat(e.record()).isEqualTo("project " + road.id()));
    }
}

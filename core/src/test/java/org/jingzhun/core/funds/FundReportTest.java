package org.jingzhun.core.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingzhun.core.funds.FundsFixtures.COUNTY;
import static org.jingzhun.core.funds.FundsFixtures.DAY;
import static org.jingzhun.core.funds.FundsFixtures.OFFICER;
import static org.jingzhun.core.funds.FundsFixtures.TOWN_A;
import static org.jingzhun.core.funds.FundsFixtures.TOWN_A_OFFICER;
import static org.jingzhun.core.funds.FundsFixtures.TOWN_B;
import static org.jingzhun.core.funds.FundsFixtures.VILLAGE_A1;
import static org.jingzhun.core.funds.FundsFixtures.VILLAGE_A2;
import static org.jingzhun.core.funds.FundsFixtures.VILLAGE_B1;
import static org.jingzhun.core.funds.FundsFixtures.VILLAGE_B2;
import static org.jingzhun.core.funds.FundsFixtures.project;
import static org.jingzhun.core.funds.FundsFixtures.source;
import static org.jingzhun.core.funds.FundsFixtures.yuan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.spi.funds.AidProject;
import org.jingzhun.spi.funds.Allocation;
import org.jingzhun.spi.funds.Disbursement;
import org.jingzhun.spi.funds.FundSource;
import org.jingzhun.spi.funds.FundSourceKind;
import org.jingzhun.spi.funds.LedgerEntry;
import org.jingzhun.spi.funds.Payee;
import org.jingzhun.spi.funds.ProjectCategory;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.policy.BenefitAmount;
import org.jingzhun.spi.region.RegionCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reports of fund use, on the numbers of the source article (Guichi, 2016): unit funds 840,000 yuan, eight sector
 * projects 920,000 yuan, 1,980,000 yuan in all (the remaining 220,000 from other sources).
 */
class FundReportTest {
    private static final List<RegionCode> SECTOR_PLACES = List.of(VILLAGE_A1, VILLAGE_A2, VILLAGE_B1, VILLAGE_B2,
            VILLAGE_A1, VILLAGE_A2, VILLAGE_B1, TOWN_B);
    private static final List<String> SECTOR_BUDGETS = List.of("200000", "150000", "120000", "110000", "100000",
            "90000", "80000", "70000");

    private Jingzhun jz;
    private FundsService funds;
    private FundSource units;
    private FundSource sectors;
    private FundSource other;
    private final List<AidProject> sectorProjects = new ArrayList<>();
    private final List<LedgerEntry> sectorAllocations = new ArrayList<>();

    @BeforeEach
    void setUp() {
        jz = FundsFixtures.newJingzhun();
        funds = jz.funds();
        units = funds.addSource(OFFICER, source(FundSourceKind.UNIT_PAIRING, "15家区直单位、8家市直单位帮扶资金",
                "840000", COUNTY), "article: unit funds");
        sectors = funds.addSource(OFFICER, source(FundSourceKind.INTEGRATED_SECTOR, "8个行业部门项目资金", "920000",
                COUNTY), "article: sector projects");
        other = funds.addSource(OFFICER, source(FundSourceKind.OTHER, "其他资金", "220000", COUNTY),
                "article: rest of 1.98M");
        ProjectCategory[] categories = {ProjectCategory.INFRASTRUCTURE, ProjectCategory.INDUSTRY,
            ProjectCategory.HOUSING, ProjectCategory.EDUCATION, ProjectCategory.HEALTH, ProjectCategory.EMPLOYMENT,
            ProjectCategory.INFRASTRUCTURE, ProjectCategory.INDUSTRY};
        for (int i = 0; i < 8; i++) {
            AidProject p = funds.addProject(OFFICER, project(SECTOR_PLACES.get(i), "行业项目" + (i + 1), categories[i],
                    SECTOR_BUDGETS.get(i), List.of()), "sector project");
            sectorProjects.add(p);
            sectorAllocations.add(funds.allocate(OFFICER, new Allocation(sectors.id(), p.id(),
                    yuan(SECTOR_BUDGETS.get(i)), DAY), "sector funds"));
        }
    }

    @AfterEach
    void tearDown() {
        jz.close();
    }

    @Test
    void theArticlesFundsAddUpToOnePointNineEightMillion() {
        AidProject unitProject = funds.addProject(OFFICER, project(VILLAGE_A1, "单位帮扶产业项目",
                ProjectCategory.INDUSTRY, "840000", List.of()), "units");
        funds.allocate(OFFICER, new Allocation(units.id(), unitProject.id(), yuan("840000"), DAY), "units");
        // half of every sector project paid
        for (int i = 0; i < 8; i++) {
            funds.disburse(OFFICER, new Disbursement(sectorProjects.get(i).id(), sectorAllocations.get(i).id(),
                    Payee.supplier("S" + i, "施工单位" + i), yuan(SECTOR_BUDGETS.get(i)).divide(BigDecimal.valueOf(2)),
                    DAY.plusMonths(3), "进度款"), "progress");
        }
        funds.disburse(OFFICER, Disbursement.of(unitProject.id(), Payee.supplier("U", "合作社"), yuan("210000"),
                DAY.plusMonths(2), "产业扶持"), "support");

        FundReport r = funds.report(OFFICER, COUNTY, 2016);

        // The year-end figures carry the same money, so the yearly series shows funds beside the registry.
        var closed = jz.statistics().closeYear(OFFICER, COUNTY, 2016);
        assertThat(closed.fundsReceived()).isEqualByComparingTo(r.sourcesTotal().received());
        assertThat(closed.fundsAllocated()).isEqualByComparingTo(r.sourcesTotal().allocated());
        assertThat(closed.fundsDisbursed()).isEqualByComparingTo(r.sourcesTotal().disbursed());
        assertThat(closed.fundsDisbursed()).isPositive();

        assertThat(r.byKind()).extracting(FundUseLine::key).containsExactly("INTEGRATED_SECTOR", "UNIT_PAIRING",
                "OTHER");
        assertThat(line(r.byKind(), "UNIT_PAIRING").received()).isEqualByComparingTo("840000");
        assertThat(line(r.byKind(), "INTEGRATED_SECTOR").received()).isEqualByComparingTo("920000");
        assertThat(line(r.byKind(), "OTHER").received()).isEqualByComparingTo("220000");
        assertThat(r.sourcesTotal().received()).isEqualByComparingTo("1980000.00");
        assertThat(r.sourcesTotal().allocated()).isEqualByComparingTo("1760000");
        assertThat(r.sourcesTotal().disbursed()).isEqualByComparingTo("670000");
        assertThat(line(r.byKind(), "INTEGRATED_SECTOR").disbursementRate()).isEqualByComparingTo("0.5000");
        assertThat(line(r.byKind(), "UNIT_PAIRING").ratePercent()).isEqualTo("25.0%");
        assertThat(line(r.bySource(), other.id()).disbursementRate()).isEqualByComparingTo("0");
        assertThat(r.sourcesTotal().ratePercent()).isEqualTo("33.8%");

        // by township: A has sector 1,2,5,6 (540,000) and the unit project (840,000); B has 3,4,7,8 (380,000)
        assertThat(r.byArea()).extracting(FundUseLine::key).containsExactly(TOWN_A.value(), TOWN_B.value());
        assertThat(line(r.byArea(), TOWN_A.value()).allocated()).isEqualByComparingTo("1380000");
        assertThat(line(r.byArea(), TOWN_A.value()).disbursed()).isEqualByComparingTo("480000");
        assertThat(line(r.byArea(), TOWN_A.value()).label()).isEqualTo("梅街镇");
        assertThat(line(r.byArea(), TOWN_B.value()).allocated()).isEqualByComparingTo("380000");
        assertThat(line(r.byArea(), TOWN_B.value()).disbursed()).isEqualByComparingTo("190000");
        assertThat(r.projects()).hasSize(9);
        assertThat(r.projects()).filteredOn(p -> p.project().id().equals(unitProject.id())).singleElement()
                .satisfies(p -> {
                    assertThat(p.remaining()).isEqualByComparingTo("630000");
                    assertThat(p.undisbursed()).isEqualByComparingTo("630000");
                });
        assertThat(r.toText()).contains("合计: 到位 1980000.00 已分配 1760000.00 已支出 670000.00 支出进度 33.8%",
                "统筹整合涉农资金", "单位帮扶资金", "梅街镇");

        // one township's view: only its projects, and no county-level source
        FundReport town = funds.report(TOWN_A_OFFICER, COUNTY, 2016);
        assertThat(town.area()).isEqualTo(TOWN_A);
        assertThat(town.bySource()).isEmpty();
        assertThat(town.byArea()).extracting(FundUseLine::key).containsExactly(VILLAGE_A1.value(),
                VILLAGE_A2.value());
        assertThat(town.projects()).allMatch(p -> TOWN_A.contains(p.project().region()));
        assertThat(funds.report(OFFICER, COUNTY, 2017).sourcesTotal().received()).isEqualByComparingTo("0");
    }

    @Test
    void theMoneyThatReachedAHouseholdIsListedForItsBenefitStatement() {
        Household h = FundsFixtures.register(jz, VILLAGE_A1, 1, 2, "19700101");
        AidProject award = funds.addProject(OFFICER, project(VILLAGE_A1, "产业发展奖补", ProjectCategory.INDUSTRY,
                "20000", List.of(h.id())), "plan");
        funds.allocate(OFFICER, new Allocation(other.id(), award.id(), yuan("20000"), DAY), "awards");
        LedgerEntry pigs = funds.disburse(OFFICER, Disbursement.of(award.id(), Payee.household(h.id()),
                yuan("3000"), DAY.plusMonths(1), "养猪奖补"), "verified 10 pigs").get(0);
        LedgerEntry tea = funds.disburse(OFFICER, Disbursement.of(award.id(), Payee.household(h.id()),
                yuan("1200"), DAY.plusMonths(2), "茶园奖补"), "verified 2 mu").get(0);
        funds.reverse(OFFICER, pigs.id(), yuan("600"), DAY.plusMonths(3), "only 8 pigs");
        LedgerEntry wrong = funds.disburse(OFFICER, Disbursement.of(award.id(), Payee.household(h.id()),
                yuan("500"), DAY.plusMonths(2), "重复发放"), "typo").get(0);
        funds.reverse(OFFICER, wrong.id(), null, DAY.plusMonths(2), "paid twice");

        HouseholdFunds money = funds.household(OFFICER, h.id(), 2016);

        assertThat(money.disbursements()).extracting(HouseholdFundLine::entryId).containsExactly(pigs.id(), tea.id());
        assertThat(money.disbursements()).extracting(HouseholdFundLine::amount)
                .containsExactly(yuan("2400.00"), yuan("1200.00"));
        assertThat(money.disbursements().get(0).projectName()).isEqualTo("产业发展奖补");
        assertThat(money.total()).isEqualByComparingTo("3600");
        List<BenefitAmount> lines = money.toBenefitAmounts();
        assertThat(lines).singleElement().satisfies(b -> {
            assertThat(b.amount()).isEqualByComparingTo("3600");
            assertThat(b.explanation().parts()).hasSize(2);
        });
        assertThat(money.toText()).contains("养猪奖补: 2400.00 元", "茶园奖补: 1200.00 元", "合计: 3600.00 元");
        assertThat(funds.household(OFFICER, h.id(), 2017).total()).isEqualByComparingTo("0");
    }

    private static FundUseLine line(List<FundUseLine> lines, String key) {
        return lines.stream().filter(l -> l.key().equals(key)).findFirst().orElseThrow();
    }
}

package org.jingzhun.core.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jingzhun.core.funds.FundsFixtures.COUNTY;
import static org.jingzhun.core.funds.FundsFixtures.COUNTY_VIEWER;
import static org.jingzhun.core.funds.FundsFixtures.DAY;
import static org.jingzhun.core.funds.FundsFixtures.OFFICER;
import static org.jingzhun.core.funds.FundsFixtures.TOWN_A;
import static org.jingzhun.core.funds.FundsFixtures.TOWN_A_OFFICER;
import static org.jingzhun.core.funds.FundsFixtures.VILLAGE_A1;
import static org.jingzhun.core.funds.FundsFixtures.VILLAGE_B1;
import static org.jingzhun.core.funds.FundsFixtures.project;
import static org.jingzhun.core.funds.FundsFixtures.source;
import static org.jingzhun.core.funds.FundsFixtures.yuan;

import java.util.List;
import java.util.Locale;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.audit.AuditQuery;
import org.jingzhun.spi.error.AccessDeniedException;
import org.jingzhun.spi.error.InsufficientFundsException;
import org.jingzhun.spi.error.JingzhunException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.funds.AidProject;
import org.jingzhun.spi.funds.Allocation;
import org.jingzhun.spi.funds.Disbursement;
import org.jingzhun.spi.funds.EntryKind;
import org.jingzhun.spi.funds.FundSource;
import org.jingzhun.spi.funds.FundSourceKind;
import org.jingzhun.spi.funds.LedgerEntry;
import org.jingzhun.spi.funds.Payee;
import org.jingzhun.spi.funds.ProjectCategory;
import org.jingzhun.spi.funds.ProjectStatus;
import org.jingzhun.spi.household.Household;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sources, projects, allocations, disbursements and reversals: the ledger never overspends. */
class FundLedgerTest {
    /** Reads the audit log masked, so that counting entries adds none (an unmasked read is itself audited). */
    private static final org.jingzhun.spi.access.Principal AUDITOR = new org.jingzhun.spi.access.Principal("auditor",
            "审计员", org.jingzhun.spi.region.RegionCode.of("341702"),
            java.util.EnumSet.of(org.jingzhun.spi.access.Permission.AUDIT));
    private Jingzhun jz;
    private FundsService funds;
    private Household household;
    private FundSource county;
    private AidProject road;

    @BeforeEach
    void setUp() {
        jz = FundsFixtures.newJingzhun();
        funds = jz.funds();
        household = FundsFixtures.register(jz, VILLAGE_A1, 1, 3, "19650302");
        county = funds.addSource(OFFICER, source(FundSourceKind.COUNTY_FISCAL, "池财农〔2016〕12号", "100000", COUNTY),
                "2016 county special funds");
        road = funds.addProject(OFFICER, project(VILLAGE_A1, "刘街村道路硬化", ProjectCategory.INFRASTRUCTURE, "80000",
                List.of(household.id())), "village plan");
    }

    @AfterEach
    void tearDown() {
        jz.close();
    }

    @Test
    void allocationAndDisbursementMoveTheBalancesAndAreAudited() {
        LedgerEntry allocation = funds.allocate(OFFICER, new Allocation(county.id(), road.id(), yuan("60000"), DAY),
                "first tranche");
        List<LedgerEntry> paid = funds.disburse(OFFICER, new Disbursement(road.id(), allocation.id(),
                Payee.supplier("91341702MA2N000001", "池州路桥公司"), yuan("45000.50"), DAY, "工程进度款"),
                "progress payment");

        assertThat(county.id()).matches("341702-S\\d{8}");
        assertThat(allocation.id()).matches("341702-E\\d{8}");
        assertThat(paid).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EntryKind.DISBURSEMENT);
            assertThat(e.sourceId()).isEqualTo(county.id());
            assertThat(e.allocationId()).isEqualTo(allocation.id());
            assertThat(e.recordedBy()).isEqualTo("county-finance");
            assertThat(e.reason()).isEqualTo("progress payment");
        });
        SourceBalance s = funds.source(OFFICER, county.id());
        assertThat(s.allocated()).isEqualByComparingTo("60000");
        assertThat(s.unallocated()).isEqualByComparingTo("40000");
        assertThat(s.disbursed()).isEqualByComparingTo("45000.50");
        ProjectBalance p = funds.project(OFFICER, road.id());
        assertThat(p.allocated()).isEqualByComparingTo("60000");
        assertThat(p.disbursed()).isEqualByComparingTo("45000.50");
        assertThat(p.undisbursed()).isEqualByComparingTo("14999.50");
        assertThat(p.unfunded()).isEqualByComparingTo("20000");
        assertThat(p.remaining()).isEqualByComparingTo("34999.50");
        assertThat(p.allocations()).singleElement()
                .satisfies(a -> assertThat(a.undisbursed()).isEqualByComparingTo("14999.50"));

        List<AuditEntry> audit = jz.audit().entries(OFFICER, AuditQuery.county("341702", 10)
                .about("fund-entry", paid.get(0).id())).items();
        assertThat(audit).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("disbursement");
            assertThat(a.actorId()).isEqualTo("county-finance");
            assertThat(a.reason()).isEqualTo("progress payment");
            assertThat(a.after()).contains("45000.50");
        });
        assertThat(funds.projectEntries(OFFICER, road.id())).extracting(LedgerEntry::kind)
                .containsExactly(EntryKind.ALLOCATION, EntryKind.DISBURSEMENT);
    }

    @Test
    void anAllocationAboveTheUnallocatedBalanceIsRefusedAndWritesNothing() {
        AidProject school = funds.addProject(OFFICER, project(TOWN_A, "梅街镇中心小学改造", ProjectCategory.EDUCATION,
                "90000", List.of()), "plan");
        funds.allocate(OFFICER, new Allocation(county.id(), school.id(), yuan("70000"), DAY), "school");
        long auditBefore = auditCount();

        assertThatThrownBy(() -> funds.allocate(OFFICER, new Allocation(county.id(), road.id(), yuan("30000.01"), DAY),
                "road")).isInstanceOfSatisfying(InsufficientFundsException.class, e -> {
                    assertThat(e.code()).isEqualTo("funds.overspend");
                    assertThat(e.record()).isEqualTo("fund source " + county.id());
                    assertThat(e.field()).isEqualTo("unallocated");
                    assertThat(e.asked()).isEqualByComparingTo("30000.01");
                    assertThat(e.available()).isEqualByComparingTo("30000.00");
                    assertThat(e.getMessage()).isEqualTo("fund source " + county.id()
                            + ": unallocated is short: 30000.01 yuan asked, 30000.00 yuan available");
                    assertThat(e.messageZh()).isEqualTo("fund source " + county.id()
                            + "：unallocated不足，申请 30000.01 元，可用仅 30000.00 元");
                });

        assertThat(funds.source(OFFICER, county.id()).unallocated()).isEqualByComparingTo("30000");
        assertThat(funds.project(OFFICER, road.id()).allocated()).isEqualByComparingTo("0");
        assertThat(funds.entries(OFFICER, COUNTY, null)).hasSize(1);
        assertThat(auditCount()).isEqualTo(auditBefore);
        // exactly the balance is fine
        funds.allocate(OFFICER, new Allocation(county.id(), road.id(), yuan("30000"), DAY), "road");
        assertThat(funds.source(OFFICER, county.id()).unallocated()).isEqualByComparingTo("0");
    }

    @Test
    void anAllocationAboveTheProjectsUnfundedBudgetIsRefused() {
        funds.allocate(OFFICER, new Allocation(county.id(), road.id(), yuan("50000"), DAY), "first");
        assertThatThrownBy(() -> funds.allocate(OFFICER, new Allocation(county.id(), road.id(), yuan("30001"), DAY),
                "second")).isInstanceOfSatisfying(InsufficientFundsException.class, e -> {
                    assertThat(e.record()).isEqualTo("project " + road.id());
                    assertThat(e.field()).isEqualTo("unfunded budget");
                    assertThat(e.available()).isEqualByComparingTo("30000");
                });
    }

    @Test
    void aDisbursementAboveTheUndisbursedMoneyIsRefusedAndWritesNothing() {
        LedgerEntry a = funds.allocate(OFFICER, new Allocation(county.id(), road.id(), yuan("20000"), DAY), "tranche");
        funds.disburse(OFFICER, Disbursement.of(road.id(), Payee.household(household.id()), yuan("5000"), DAY,
                "以工代赈劳务费"), "wages");
        int entries = funds.entries(OFFICER, COUNTY, null).size();

        assertThatThrownBy(() -> funds.disburse(OFFICER, new Disbursement(road.id(), a.id(),
                Payee.supplier("X1", "水泥厂"), yuan("15000.01"), DAY, "材料款"), "materials"))
                .isInstanceOfSatisfying(InsufficientFundsException.class, e -> {
                    assertThat(e.record()).isEqualTo("allocation " + a.id());
                    assertThat(e.field()).isEqualTo("undisbursed");
                    assertThat(e.asked()).isEqualByComparingTo("15000.01");
                    assertThat(e.available()).isEqualByComparingTo("15000");
                });
        assertThatThrownBy(() -> funds.disburse(OFFICER, Disbursement.of(road.id(), Payee.supplier("X1", "水泥厂"),
                yuan("15000.01"), DAY, "材料款"), "materials"))
                .isInstanceOfSatisfying(InsufficientFundsException.class, e -> {
                    assertThat(e.record()).isEqualTo("project " + road.id());
                    assertThat(e.available()).isEqualByComparingTo("15000");
                });
        assertThat(funds.entries(OFFICER, COUNTY, null)).hasSize(entries);
        assertThat(funds.project(OFFICER, road.id()).disbursed()).isEqualByComparingTo("5000");
    }

    @Test
    void aDisbursementWithoutAllocationDrawsOldestFirstAndSplits() {
        FundSource unit = funds.addSource(OFFICER, source(FundSourceKind.UNIT_PAIRING, "区财政局帮扶资金", "10000",
                COUNTY), "unit money");
        LedgerEntry first = funds.allocate(OFFICER, new Allocation(county.id(), road.id(), yuan("6000"), DAY), "a");
        LedgerEntry second = funds.allocate(OFFICER, new Allocation(unit.id(), road.id(), yuan("10000"), DAY), "b");

        List<LedgerEntry> paid = funds.disburse(OFFICER, Disbursement.of(road.id(), Payee.supplier("X", "施工队"),
                yuan("9000"), DAY, "工程款"), "pay");

        assertThat(paid).extracting(LedgerEntry::allocationId).containsExactly(first.id(), second.id());
        assertThat(paid).extracting(LedgerEntry::amount).containsExactly(yuan("6000.00"), yuan("3000.00"));
        assertThat(funds.source(OFFICER, county.id()).disbursed()).isEqualByComparingTo("6000");
        assertThat(funds.source(OFFICER, unit.id()).disbursed()).isEqualByComparingTo("3000");
    }

    @Test
    void reversalsAreCounterEntriesAndNeverTakeBackMoneyAlreadySpent() {
        LedgerEntry a = funds.allocate(OFFICER, new Allocation(county.id(), road.id(), yuan("20000"), DAY), "tranche");
        LedgerEntry paid = funds.disburse(OFFICER, new Disbursement(road.id(), a.id(), Payee.household(household.id()),
                yuan("8000"), DAY, "产业奖补"), "award").get(0);

        assertThatThrownBy(() -> funds.reverse(OFFICER, a.id(), null, DAY, "wrong project"))
                .isInstanceOfSatisfying(InsufficientFundsException.class, e -> {
                    assertThat(e.record()).isEqualTo("allocation " + a.id());
                    assertThat(e.field()).isEqualTo("undisbursed");
                    assertThat(e.asked()).isEqualByComparingTo("20000");
                    assertThat(e.available()).isEqualByComparingTo("12000");
                });

        LedgerEntry partly = funds.reverse(OFFICER, paid.id(), yuan("3000"), DAY, "award was 5,000");
        assertThat(partly.reverses()).isEqualTo(paid.id());
        assertThat(partly.kind()).isEqualTo(EntryKind.DISBURSEMENT);
        assertThat(partly.signedAmount()).isEqualByComparingTo("-3000");
        assertThat(partly.householdId()).isEqualTo(household.id());
        assertThatThrownBy(() -> funds.reverse(OFFICER, paid.id(), yuan("5000.01"), DAY, "again"))
                .isInstanceOfSatisfying(InsufficientFundsException.class, e -> {
                    assertThat(e.field()).isEqualTo("unreversed");
                    assertThat(e.available()).isEqualByComparingTo("5000");
                });
        assertThatThrownBy(() -> funds.reverse(OFFICER, partly.id(), null, DAY, "undo the undo"))
                .isInstanceOf(WorkflowException.class).extracting(e -> ((JingzhunException) e).code())
                .isEqualTo("funds.not_reversible");

        LedgerEntry rest = funds.reverse(OFFICER, a.id(), yuan("15000"), DAY, "return unspent money");
        assertThat(rest.amount()).isEqualByComparingTo("15000");
        assertThat(funds.source(OFFICER, county.id()).unallocated()).isEqualByComparingTo("95000");
        ProjectBalance p = funds.project(OFFICER, road.id());
        assertThat(p.allocated()).isEqualByComparingTo("5000");
        assertThat(p.disbursed()).isEqualByComparingTo("5000");
        assertThat(p.undisbursed()).isEqualByComparingTo("0");
        // the original entries are untouched
        assertThat(funds.entry(OFFICER, a.id())).isEqualTo(a);
        assertThat(funds.entry(OFFICER, paid.id())).isEqualTo(paid);
        assertThat(funds.entries(OFFICER, COUNTY, 2016)).hasSize(4);
    }

    @Test
    void writesNeedFinanceInScopeAndReadsAreNarrowedToTheScope() {
        FundSource town = funds.addSource(TOWN_A_OFFICER, source(FundSourceKind.UNIT_PAIRING, "市委办帮扶资金",
                "20000", TOWN_A), "unit money");
        AidProject other = funds.addProject(OFFICER, project(VILLAGE_B1, "石门村茶园", ProjectCategory.INDUSTRY, "5000",
                List.of()), "plan");

        assertThatThrownBy(() -> funds.allocate(COUNTY_VIEWER, new Allocation(county.id(), road.id(), yuan("1"), DAY),
                "viewer")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> funds.allocate(TOWN_A_OFFICER, new Allocation(county.id(), road.id(), yuan("1"), DAY),
                "county money")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> funds.addSource(TOWN_A_OFFICER, source(FundSourceKind.OTHER, "x", "1", COUNTY), "x"))
                .isInstanceOf(AccessDeniedException.class);
        // town money may not leave the town
        assertThatThrownBy(() -> funds.allocate(OFFICER, new Allocation(town.id(), other.id(), yuan("1"), DAY), "x"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> assertThat(v.code()).isEqualTo("funds.outside_area")));
        funds.allocate(TOWN_A_OFFICER, new Allocation(town.id(), road.id(), yuan("1000"), DAY), "in town");

        assertThat(funds.sources(TOWN_A_OFFICER, COUNTY, 2016)).extracting(b -> b.source().id())
                .containsExactly(town.id());
        assertThat(funds.projects(TOWN_A_OFFICER, COUNTY, null)).extracting(b -> b.project().id())
                .containsExactly(road.id());
        assertThat(funds.sources(COUNTY_VIEWER, COUNTY, null)).hasSize(2);
        assertThatThrownBy(() -> funds.project(TOWN_A_OFFICER, other.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> funds.source(TOWN_A_OFFICER, county.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void payeesMustExistAndLiveInTheProjectArea() {
        Household elsewhere = FundsFixtures.register(jz, VILLAGE_B1, 20, 1, "19700101");
        LedgerEntry a = funds.allocate(OFFICER, new Allocation(county.id(), road.id(), yuan("1000"), DAY), "a");

        assertThatThrownBy(() -> funds.disburse(OFFICER, new Disbursement(road.id(), a.id(),
                Payee.household(elsewhere.id()), yuan("10"), DAY, "奖补"), "x"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code()).containsExactly("funds.outside_area"));
        assertThatThrownBy(() -> funds.disburse(OFFICER, new Disbursement(road.id(), a.id(),
                Payee.household("341702-99999999"), yuan("10"), DAY, "奖补"), "x"))
                .isInstanceOf(JingzhunException.class).extracting(e -> ((JingzhunException) e).code())
                .isEqualTo("household.not_found");
        assertThatThrownBy(() -> funds.disburse(OFFICER, new Disbursement(road.id(), a.id(),
                Payee.supplier("X", " "), yuan("10"), DAY, "材料"), "x")).isInstanceOf(ValidationException.class);
        assertThat(funds.project(OFFICER, road.id()).disbursed()).isEqualByComparingTo("0");
    }

    @Test
    void inputIsValidatedAndEveryMovementNeedsAReason() {
        assertThatThrownBy(() -> funds.allocate(OFFICER, new Allocation(county.id(), road.id(), yuan("10.005"), DAY),
                "fractions of a fen")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> funds.allocate(OFFICER, new Allocation(county.id(), road.id(), yuan("-1"), DAY),
                "negative")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> funds.allocate(OFFICER, new Allocation(county.id(), road.id(), yuan("1"), DAY), " "))
                .isInstanceOf(WorkflowException.class).extracting(e -> ((JingzhunException) e).code())
                .isEqualTo("workflow.reason_required");
        assertThatThrownBy(() -> funds.allocate(OFFICER, new Allocation(county.id(), road.id(), yuan("1"),
                FundsFixtures.RECEIVED.minusDays(1)), "before the money arrived"))
                .isInstanceOf(WorkflowException.class).extracting(e -> ((JingzhunException) e).code())
                .isEqualTo("funds.date_order");
        assertThatThrownBy(() -> funds.addSource(OFFICER, source(FundSourceKind.OTHER, "x", "1", COUNTY)
                .withId("341702-S1"), "x")).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.code()).contains("funds.id_assigned"));
        assertThatThrownBy(() -> funds.addSource(OFFICER, source(FundSourceKind.OTHER, "x", "1",
                org.jingzhun.spi.region.RegionCode.of("340000000000")), "x"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code()).contains("funds.scope_level"));
        assertThat(funds.entries(OFFICER, COUNTY, null)).isEmpty();
        assertThat(new ValidationException(List.of(org.jingzhun.spi.error.Violation.of("r", "f",
                "funds.amount_invalid", "1.005"))).localizedMessage(Locale.SIMPLIFIED_CHINESE)).contains("不是有效金额");
    }

    @Test
    void projectsKeepTheirBudgetAboveTheirMoneyAndCancelOnlyWhenEmpty() {
        funds.allocate(OFFICER, new Allocation(county.id(), road.id(), yuan("30000"), DAY), "a");
        assertThatThrownBy(() -> funds.updateProject(OFFICER, road.withBudget(yuan("29999.99")), "cut"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code()).containsExactly("funds.budget_below_allocated"));
        assertThatThrownBy(() -> funds.updateProject(OFFICER, road.withStatus(ProjectStatus.CANCELLED), "cancel"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code()).containsExactly("funds.cancel_with_money"));
        LedgerEntry a = funds.projectEntries(OFFICER, road.id()).get(0);
        funds.reverse(OFFICER, a.id(), null, DAY, "project dropped");
        AidProject cancelled = funds.updateProject(OFFICER, road.withStatus(ProjectStatus.CANCELLED), "dropped");
        assertThat(cancelled.status()).isEqualTo(ProjectStatus.CANCELLED);
        assertThatThrownBy(() -> funds.allocate(OFFICER, new Allocation(county.id(), road.id(), yuan("1"), DAY), "x"))
                .isInstanceOf(WorkflowException.class).extracting(e -> ((JingzhunException) e).code())
                .isEqualTo("funds.project_status");
        assertThat(funds.source(OFFICER, county.id()).unallocated()).isEqualByComparingTo("100000");
    }

    @Test
    void aSourceTiedToAProjectGoesOnlyThere() {
        AidProject other = funds.addProject(OFFICER, project(VILLAGE_A1, "刘街村光伏电站", ProjectCategory.INDUSTRY,
                "50000", List.of()), "plan");
        FundSource tied = funds.addSource(OFFICER, new FundSource(null, FundSourceKind.SOCIAL_DONATION, "某企业捐赠",
                2016, yuan("5000"), VILLAGE_A1, "某企业", DAY, road.id()), "donation");
        assertThatThrownBy(() -> funds.allocate(OFFICER, new Allocation(tied.id(), other.id(), yuan("1"), DAY), "x"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code()).containsExactly("funds.tied_source"));
        funds.allocate(OFFICER, new Allocation(tied.id(), road.id(), yuan("5000"), DAY), "as donated");
        assertThat(funds.project(OFFICER, road.id()).allocated()).isEqualByComparingTo("5000");
    }

    private long auditCount() {
        // Each county's sequences count its entries from 1, so the newest sequence is the count.
        return jz.audit().entries(AUDITOR, AuditQuery.county("341702", 1)).items().stream()
                .mapToLong(AuditEntry::sequence).findFirst().orElse(0);
    }
}

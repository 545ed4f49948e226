package org.jingzhun.core.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jingzhun.core.funds.FundsFixtures.COUNTY;
import static org.jingzhun.core.funds.FundsFixtures.DAY;
import static org.jingzhun.core.funds.FundsFixtures.OFFICER;
import static org.jingzhun.core.funds.FundsFixtures.VILLAGE_A1;
import static org.jingzhun.core.funds.FundsFixtures.project;
import static org.jingzhun.core.funds.FundsFixtures.source;
import static org.jingzhun.core.funds.FundsFixtures.yuan;

import java.time.LocalDate;
import java.util.List;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.spi.error.InsufficientFundsException;
import org.jingzhun.spi.error.JingzhunException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.funds.AidProject;
import org.jingzhun.spi.funds.Allocation;
import org.jingzhun.spi.funds.Disbursement;
import org.jingzhun.spi.funds.EntryKind;
import org.jingzhun.spi.funds.FundSource;
import org.jingzhun.spi.funds.FundSourceKind;
import org.jingzhun.spi.funds.InterestSubsidy;
import org.jingzhun.spi.funds.LedgerEntry;
import org.jingzhun.spi.funds.LoanPurpose;
import org.jingzhun.spi.funds.Microcredit;
import org.jingzhun.spi.funds.Payee;
import org.jingzhun.spi.funds.ProjectCategory;
import org.jingzhun.spi.funds.RiskCompensationFund;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.policy.BenefitAmount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Poverty microcredit: who may borrow, the interest subsidy, default and the risk compensation fund. */
class MicrocreditTest {
    private static final LocalDate START = LocalDate.of(2016, 7, 15);
    private Jingzhun jz;
    private FundsService funds;
    private Household household;
    private RiskCompensationFund risk;
    private AidProject finance;

    @BeforeEach
    void setUp() {
        jz = FundsFixtures.newJingzhun();
        funds = jz.funds();
        household = FundsFixtures.register(jz, VILLAGE_A1, 1, 3, "19650302");
        risk = funds.addRiskFund(OFFICER, FundsFixtures.riskFund("0.80"), "agreement with the bank");
        FundSource s = funds.addSource(OFFICER, source(FundSourceKind.CENTRAL_FISCAL, "中央专项", "500000", COUNTY),
                "2016");
        finance = funds.addProject(OFFICER, project(COUNTY, "扶贫小额信贷风险补偿金", ProjectCategory.FINANCE, "100000",
                List.of()), "plan");
        funds.allocate(OFFICER, new Allocation(s.id(), finance.id(), yuan("100000"), DAY), "risk fund money");
    }

    @AfterEach
    void tearDown() {
        jz.close();
    }

    private Microcredit loan(String principal, int months, LoanPurpose purpose) {
        return Microcredit.of(household.id(), household.members().get(0).citizenId(), risk.id(), yuan(principal),
                yuan("0.0475"), START, months, purpose);
    }

    private void deposit(String amount) {
        funds.disburse(OFFICER, Disbursement.of(finance.id(), Payee.riskFund(risk.id()), yuan(amount), DAY, "存入风险补偿金"),
                "deposit");
    }

    @Test
    void aLoanWithinTheTermsIsIssuedAndItsSubsidyReachesTheHousehold() {
        Microcredit issued = funds.issueMicrocredit(OFFICER, loan("50000", 36, LoanPurpose.BREEDING), "养牛");

        assertThat(issued.id()).matches("341702-C\\d{8}");
        MicrocreditBalance b = funds.microcredit(OFFICER, issued.id());
        assertThat(b.outstanding()).isEqualByComparingTo("50000");
        assertThat(b.region()).isEqualTo(VILLAGE_A1);
        InterestSubsidy first = funds.interestSubsidy(OFFICER, issued.id(), START, START.plusYears(1));
        assertThat(first.subsidy()).isEqualByComparingTo("2375.00");

        HouseholdFunds h2017 = funds.household(OFFICER, household.id(), 2017);
        assertThat(h2017.subsidies()).singleElement()
                .satisfies(s -> assertThat(s.subsidy()).isEqualByComparingTo("2375.00"));
        assertThat(h2017.total()).isEqualByComparingTo("2375.00");
        List<BenefitAmount> card = h2017.toBenefitAmounts();
        assertThat(card).singleElement().satisfies(l -> {
            assertThat(l.policy()).isEqualTo("anhui.microloan.interest");
            assertThat(l.explanation().parts()).hasSize(2);
        });
        assertThat(h2017.toText()).contains("扶贫小额信贷贴息", "2375.00", "第1贷款年度", "第2贷款年度");
        // the loan as the policy engine reads it
        assertThat(issued.toPolicyInput(null, List.of()).productionUse()).isTrue();
    }

    @Test
    void theSubsidyThePackComputesIsPaidToTheLenderOnceAndRecordedForTheHousehold() {
        Microcredit issued = funds.issueMicrocredit(OFFICER, loan("50000", 36, LoanPurpose.BREEDING), "养牛");
        // 2016: 50,000 × 4.75% × 170/365 (15 July to 31 December) = 1,106.16, computed by the Anhui pack.
        List<LedgerEntry> paid = funds.payInterestSubsidy(OFFICER, issued.id(), 2016, finance.id(),
                LocalDate.of(2016, 12, 20), "2016 年度贴息");
        assertThat(paid).singleElement().satisfies(e -> {
            assertThat(e.amount()).isEqualByComparingTo("1106.16");
            assertThat(e.kind()).isEqualTo(EntryKind.DISBURSEMENT);
            assertThat(e.loanId()).isEqualTo(issued.id());
            assertThat(e.householdId()).isEqualTo(household.id());
            assertThat(e.payee()).isEqualTo(Payee.lender("贵池农商行"));
            assertThat(e.purpose()).isEqualTo("贷款贴息 2016 anhui/anhui.microloan.interest");
        });
        HouseholdFunds h2016 = funds.household(OFFICER, household.id(), 2016);
        assertThat(h2016.subsidiesPaid()).singleElement()
                .satisfies(l -> assertThat(l.amount()).isEqualByComparingTo("1106.16"));
        assertThat(h2016.paid()).hasSize(1);
        assertThat(h2016.subsidies()).singleElement()
                .satisfies(d -> assertThat(d.subsidy()).isEqualByComparingTo("1106.16"));

        assertThatThrownBy(() -> funds.payInterestSubsidy(OFFICER, issued.id(), 2016, finance.id(),
                LocalDate.of(2016, 12, 21), "again")).isInstanceOf(JingzhunException.class)
                .satisfies(e -> assertThat(((JingzhunException) e).code()).isEqualTo("funds.subsidy_paid"));
        // A reversal re-opens the year.
        funds.reverse(OFFICER, paid.get(0).id(), null, LocalDate.of(2016, 12, 22), "拨错账户");
        assertThat(funds.household(OFFICER, household.id(), 2016).subsidiesPaid()).isEmpty();
        funds.payInterestSubsidy(OFFICER, issued.id(), 2016, finance.id(), LocalDate.of(2016, 12, 23), "重新拨付");
        assertThat(funds.household(OFFICER, household.id(), 2016).subsidiesPaid()).hasSize(1);
        // Nothing is due after maturity (15 July 2019).
        assertThatThrownBy(() -> funds.payInterestSubsidy(OFFICER, issued.id(), 2020, finance.id(),
                LocalDate.of(2016, 12, 20), "2020")).isInstanceOf(JingzhunException.class)
                .satisfies(e -> assertThat(((JingzhunException) e).code()).isEqualTo("funds.subsidy_none"))
                .satisfies(e -> assertThat(((JingzhunException) e).messageZh()).contains("计算期间内无贴息天数"));
        // Before the Anhui pack is in force no pack provides the subsidy: funds() has no rate of its own.
        assertThatThrownBy(() -> funds.interestSubsidy(OFFICER, issued.id(), 2015))
                .isInstanceOf(JingzhunException.class)
                .satisfies(e -> assertThat(((JingzhunException) e).code()).isEqualTo("policy.no_rule"));
    }

    @Test
    void everyProblemOfAnApplicationIsReportedAtOnce() {
        Household young = FundsFixtures.register(jz, VILLAGE_A1, 30, 1, "19980801");
        Microcredit bad = Microcredit.of(household.id(), young.members().get(0).citizenId(), risk.id(),
                yuan("50000.01"), yuan("0.0475"), START, 37, LoanPurpose.CONSUMPTION);

        assertThatThrownBy(() -> funds.issueMicrocredit(OFFICER, bad, "apply"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::code)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("borrower", "funds.borrower_not_member"),
                                org.assertj.core.groups.Tuple.tuple("borrower", "funds.borrower_age"),
                                org.assertj.core.groups.Tuple.tuple("principal", "funds.loan_principal_max"),
                                org.assertj.core.groups.Tuple.tuple("termMonths", "funds.loan_term_max"),
                                org.assertj.core.groups.Tuple.tuple("purpose", "funds.loan_purpose")));
        assertThat(funds.microcredits(OFFICER, COUNTY)).isEmpty();
    }

    @Test
    void borrowersAgeIsCheckedFromTheCitizenIdOnTheLoanDate() {
        // born 1950-07-16: 65 on 2016-07-15 (allowed), 66 a year later (refused)
        Household older = FundsFixtures.register(jz, VILLAGE_A1, 40, 1, "19500716");
        Microcredit at65 = Microcredit.of(older.id(), older.members().get(0).citizenId(), risk.id(), yuan("10000"),
                yuan("0.0435"), START, 12, LoanPurpose.PLANTING);
        funds.issueMicrocredit(OFFICER, at65, "65 years old");
        Microcredit at66 = Microcredit.of(older.id(), older.members().get(0).citizenId(), risk.id(), yuan("10000"),
                yuan("0.0435"), START.plusYears(1), 12, LoanPurpose.PLANTING);
        assertThatThrownBy(() -> funds.issueMicrocredit(OFFICER, at66, "66 years old"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::code).containsExactly("funds.borrower_age");
                    assertThat(e.violations().get(0).messageEn())
                            .isEqualTo("the borrower is 66 on 2017-07-15; borrowers must be 18 to 65");
                });
    }

    @Test
    void aDefaultStopsTheSubsidyAndTheRiskFundPaysItsShare() {
        deposit("34000");
        Microcredit issued = funds.issueMicrocredit(OFFICER, loan("50000", 36, LoanPurpose.BREEDING), "养牛");
        funds.repayMicrocredit(OFFICER, issued.id(), yuan("10000"), LocalDate.of(2017, 7, 15), "first year");

        MicrocreditBalance defaulted = funds.declareDefault(OFFICER, issued.id(), LocalDate.of(2018, 1, 15),
                "overdue 90 days");

        assertThat(defaulted.defaulted()).isTrue();
        assertThat(defaulted.compensated()).isEqualByComparingTo("32000.00"); // 80% of 40,000
        assertThat(funds.riskFund(OFFICER, risk.id()).balance()).isEqualByComparingTo("2000.00");
        assertThat(funds.interestSubsidy(OFFICER, issued.id(), 2018).days()).isEqualTo(14);
        assertThat(funds.interestSubsidy(OFFICER, issued.id(), 2019).subsidy()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> funds.repayMicrocredit(OFFICER, issued.id(), yuan("1"), LocalDate.of(2018, 2, 1),
                "late")).isInstanceOf(JingzhunException.class).extracting(e -> ((JingzhunException) e).code())
                .isEqualTo("funds.loan_defaulted");
        List<LedgerEntry> entries = funds.entries(OFFICER, COUNTY, 2018);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EntryKind.RISK_COMPENSATION);
            assertThat(e.amount()).isEqualByComparingTo("32000.00");
            assertThat(e.loanId()).isEqualTo(issued.id());
        });
    }

    @Test
    void theRiskFundNeverGoesNegative() {
        deposit("20000");
        Microcredit issued = funds.issueMicrocredit(OFFICER, loan("50000", 36, LoanPurpose.BREEDING), "养牛");

        assertThatThrownBy(() -> funds.declareDefault(OFFICER, issued.id(), LocalDate.of(2017, 1, 15), "overdue"))
                .isInstanceOfSatisfying(InsufficientFundsException.class, e -> {
                    assertThat(e.record()).isEqualTo("risk compensation fund " + risk.id());
                    assertThat(e.field()).isEqualTo("balance");
                    assertThat(e.asked()).isEqualByComparingTo("40000.00");
                    assertThat(e.available()).isEqualByComparingTo("20000.00");
                });
        assertThat(funds.microcredit(OFFICER, issued.id()).defaulted()).isFalse();
        assertThat(funds.riskFund(OFFICER, risk.id()).paidOut()).isEqualByComparingTo("0");

        // the deposit cannot be taken back below what is needed either, once paid out
        deposit("20000");
        funds.declareDefault(OFFICER, issued.id(), LocalDate.of(2017, 1, 15), "overdue");
        LedgerEntry firstDeposit = funds.projectEntries(OFFICER, finance.id()).stream()
                .filter(e -> e.kind() == EntryKind.DISBURSEMENT).findFirst().orElseThrow();
        assertThatThrownBy(() -> funds.reverse(OFFICER, firstDeposit.id(), null, DAY.plusYears(1), "take back"))
                .isInstanceOfSatisfying(InsufficientFundsException.class, e -> {
                    assertThat(e.field()).isEqualTo("balance");
                    assertThat(e.available()).isEqualByComparingTo("0");
                });
        assertThat(funds.riskFund(OFFICER, risk.id()).balance()).isEqualByComparingTo("0");
    }
}

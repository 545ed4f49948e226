package org.jingzhun.core.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jingzhun.core.funds.FundsFixtures.COUNTY;
import static org.jingzhun.core.funds.FundsFixtures.DAY;
import static org.jingzhun.core.funds.FundsFixtures.OFFICER;
import static org.jingzhun.core.funds.FundsFixtures.VILLAGE_A1;
import static org.jingzhun.core.funds.FundsFixtures.VILLAGE_A2;
import static org.jingzhun.core.funds.FundsFixtures.project;
import static org.jingzhun.core.funds.FundsFixtures.source;
import static org.jingzhun.core.funds.FundsFixtures.yuan;

import java.time.LocalDate;
import java.util.List;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.spi.error.InsufficientFundsException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.funds.AidProject;
import org.jingzhun.spi.funds.Allocation;
import org.jingzhun.spi.funds.Disbursement;
import org.jingzhun.spi.funds.Donor;
import org.jingzhun.spi.funds.DonorKind;
import org.jingzhun.spi.funds.EntryKind;
import org.jingzhun.spi.funds.FundSource;
import org.jingzhun.spi.funds.FundSourceKind;
import org.jingzhun.spi.funds.LedgerEntry;
import org.jingzhun.spi.funds.LoanPurpose;
import org.jingzhun.spi.funds.MutualAidFund;
import org.jingzhun.spi.funds.MutualAidLoan;
import org.jingzhun.spi.funds.Payee;
import org.jingzhun.spi.funds.ProjectCategory;
import org.jingzhun.spi.funds.ProjectClaim;
import org.jingzhun.spi.household.Household;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Village mutual-aid funds (互助资金) and social donations claiming projects (社会捐赠、项目认领). */
class MutualAidAndDonationTest {
    private Jingzhun jz;
    private FundsService funds;
    private Household member;
    private Household neighbour;
    private MutualAidFund fund;
    private AidProject capital;

    @BeforeEach
    void setUp() {
        jz = FundsFixtures.newJingzhun();
        funds = jz.funds();
        member = FundsFixtures.register(jz, VILLAGE_A1, 1, 2, "19700101");
        neighbour = FundsFixtures.register(jz, VILLAGE_A1, 10, 2, "19720202");
        fund = funds.addMutualAidFund(OFFICER, new MutualAidFund(null, VILLAGE_A1, "刘街村扶贫互助协会",
                LocalDate.of(2016, 1, 1), yuan("5000"), 12), "founded");
        FundSource s = funds.addSource(OFFICER, source(FundSourceKind.PROVINCIAL_FISCAL, "省级互助资金", "200000",
                COUNTY), "2016");
        capital = funds.addProject(OFFICER, project(VILLAGE_A1, "刘街村互助资金注资", ProjectCategory.FINANCE, "150000",
                List.of()), "plan");
        funds.allocate(OFFICER, new Allocation(s.id(), capital.id(), yuan("150000"), DAY), "capital");
    }

    @AfterEach
    void tearDown() {
        jz.close();
    }

    @Test
    void capitalComesFromFiscalMoneyAndMembersAndLoansNeverExceedIt() {
        funds.disburse(OFFICER, Disbursement.of(capital.id(), Payee.mutualAidFund(fund.id()), yuan("6000"), DAY,
                "财政注资"), "fiscal capital");
        funds.contribute(OFFICER, fund.id(), member.id(), yuan("1000"), DAY, "入股");
        MutualAidBalance b = funds.mutualAidFund(OFFICER, fund.id());
        assertThat(b.fiscalCapital()).isEqualByComparingTo("6000");
        assertThat(b.memberCapital()).isEqualByComparingTo("1000");
        assertThat(b.available()).isEqualByComparingTo("7000");
        // Membership lives on the registration card: the contribution is recorded there, audited on the household.
        assertThat(jz.registry().find(OFFICER, member.id()).orElseThrow().mutualAidContribution())
                .isEqualByComparingTo("1000.00");
        assertThat(jz.registry().find(OFFICER, member.id()).orElseThrow().mutualAidMember()).isTrue();
        assertThat(jz.registry().find(OFFICER, neighbour.id()).orElseThrow().mutualAidMember()).isFalse();
        assertThat(jz.registry().history(OFFICER, member.id())).extracting(h -> h.action())
                .contains("mutual-aid-contribution");

        MutualAidLoan loan = funds.lend(OFFICER, MutualAidLoan.of(fund.id(), member.id(), yuan("5000"), DAY, 12,
                LoanPurpose.BREEDING), "养猪");
        assertThat(loan.id()).matches("341702-L\\d{8}");
        funds.contribute(OFFICER, fund.id(), neighbour.id(), yuan("500"), DAY, "入股");
        MutualAidLoan second = funds.lend(OFFICER, MutualAidLoan.of(fund.id(), neighbour.id(), yuan("2500"), DAY, 6,
                LoanPurpose.PLANTING), "种菜");
        assertThat(funds.mutualAidFund(OFFICER, fund.id()).available()).isEqualByComparingTo("0");

        assertThatThrownBy(() -> funds.lend(OFFICER, MutualAidLoan.of(fund.id(), neighbour.id(), yuan("0.01"), DAY, 6,
                LoanPurpose.PLANTING), "one fen more")).isInstanceOfSatisfying(InsufficientFundsException.class, e -> {
                    assertThat(e.record()).isEqualTo("mutual-aid fund " + fund.id());
                    assertThat(e.field()).isEqualTo("available capital");
                    assertThat(e.available()).isEqualByComparingTo("0");
                });
        // a member cannot withdraw capital that is lent out
        LedgerEntry contribution = funds.entries(OFFICER, VILLAGE_A1, null).stream()
                .filter(e -> e.kind() == EntryKind.MUTUAL_AID_CONTRIBUTION).findFirst().orElseThrow();
        assertThatThrownBy(() -> funds.reverse(OFFICER, contribution.id(), null, DAY, "withdraw"))
                .isInstanceOf(InsufficientFundsException.class);

        List<LedgerEntry> repaid = funds.repayMutualAid(OFFICER, loan.id(), yuan("2000"), yuan("40"),
                LocalDate.of(2016, 9, 1), "instalment");
        assertThat(repaid).extracting(LedgerEntry::kind)
                .containsExactly(EntryKind.MUTUAL_AID_REPAYMENT, EntryKind.MUTUAL_AID_FEE);
        MutualAidLoanBalance lb = funds.mutualAidLoan(OFFICER, loan.id());
        assertThat(lb.outstanding()).isEqualByComparingTo("3000");
        assertThat(lb.fees()).isEqualByComparingTo("40");
        MutualAidBalance after = funds.mutualAidFund(OFFICER, fund.id());
        assertThat(after.available()).isEqualByComparingTo("2040");
        assertThat(after.outstanding()).isEqualByComparingTo("5500");
        assertThat(funds.mutualAidLoans(OFFICER, fund.id())).extracting(l -> l.loan().id())
                .containsExactly(loan.id(), second.id());
        assertThatThrownBy(() -> funds.repayMutualAid(OFFICER, loan.id(), yuan("3000.01"), null,
                LocalDate.of(2016, 10, 1), "too much")).isInstanceOfSatisfying(InsufficientFundsException.class,
                        e -> assertThat(e.field()).isEqualTo("outstanding"));
    }

    @Test
    void loansAreForMembersForProductionWithinTheFundsLimits() {
        funds.contribute(OFFICER, fund.id(), member.id(), yuan("1000"), DAY, "入股");
        assertThatThrownBy(() -> funds.lend(OFFICER, MutualAidLoan.of(fund.id(), neighbour.id(), yuan("5000.01"),
                DAY, 13, LoanPurpose.CONSUMPTION), "apply")).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(Violation::code).containsExactlyInAnyOrder(
                                "funds.not_member", "funds.loan_purpose", "funds.loan_term_max",
                                "funds.loan_principal_max"));
        Household outside = FundsFixtures.register(jz, VILLAGE_A2, 20, 1, "19800101");
        assertThatThrownBy(() -> funds.contribute(OFFICER, fund.id(), outside.id(), yuan("100"), DAY, "入股"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::code).containsExactly("funds.outside_area"));
    }

    @Test
    void aDonorClaimsPartOfAProjectAndTheMoneyBecomesASourceTiedToIt() {
        AidProject tea = funds.addProject(OFFICER, project(VILLAGE_A1, "刘街村茶叶基地", ProjectCategory.INDUSTRY,
                "80000", List.of(member.id(), neighbour.id())), "plan");
        Donor donor = new Donor(DonorKind.ENTERPRISE, "池州某茶业公司", null);
        ProjectClaim claim = funds.claimProject(OFFICER, ProjectClaim.of(tea.id(), donor, yuan("50000"), DAY,
                "认领茶园一期"), "claimed at the fair");
        assertThatThrownBy(() -> funds.claimProject(OFFICER, ProjectClaim.of(tea.id(), donor, yuan("30000.01"), DAY,
                null), "too much")).isInstanceOfSatisfying(InsufficientFundsException.class, e -> {
                    assertThat(e.field()).isEqualTo("unclaimed budget");
                    assertThat(e.available()).isEqualByComparingTo("30000");
                });

        LedgerEntry allocation = funds.receiveDonation(OFFICER, claim.id(), yuan("20000"), DAY.plusDays(10),
                "first transfer");

        SourceBalance donation = funds.source(OFFICER, allocation.sourceId());
        assertThat(donation.source().kind()).isEqualTo(FundSourceKind.SOCIAL_DONATION);
        assertThat(donation.source().projectId()).isEqualTo(tea.id());
        assertThat(donation.source().grantor()).isEqualTo("池州某茶业公司");
        assertThat(donation.allocated()).isEqualByComparingTo("20000");
        assertThat(donation.unallocated()).isEqualByComparingTo("0");
        ProjectBalance p = funds.project(OFFICER, tea.id());
        assertThat(p.allocated()).isEqualByComparingTo("20000");
        assertThat(p.claimed()).isEqualByComparingTo("50000");
        assertThat(funds.claims(OFFICER, tea.id())).singleElement().satisfies(c -> {
            assertThat(c.received()).isEqualByComparingTo("20000");
            assertThat(c.unreceived()).isEqualByComparingTo("30000");
        });
        assertThatThrownBy(() -> funds.receiveDonation(OFFICER, claim.id(), yuan("30000.01"), DAY.plusDays(20),
                "more than pledged")).isInstanceOfSatisfying(InsufficientFundsException.class,
                        e -> assertThat(e.record()).isEqualTo("project claim " + claim.id()));
        assertThat(funds.sources(OFFICER, COUNTY, null)).hasSize(2);
    }
}

package org.jingzhun.core.funds;

import org.jingzhun.core.disclosure.MaskingProfile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.HouseholdFactsStore;
import org.jingzhun.core.policy.PolicyEngine;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.InsufficientFundsException;
import org.jingzhun.spi.funds.AidProject;
import org.jingzhun.spi.funds.Allocation;
import org.jingzhun.spi.funds.Disbursement;
import org.jingzhun.spi.funds.FundSource;
import org.jingzhun.spi.funds.InterestSubsidy;
import org.jingzhun.spi.funds.IntegrationPlan;
import org.jingzhun.spi.funds.LedgerEntry;
import org.jingzhun.spi.funds.Microcredit;
import org.jingzhun.spi.funds.MutualAidFund;
import org.jingzhun.spi.funds.MutualAidLoan;
import org.jingzhun.spi.funds.ProjectClaim;
import org.jingzhun.spi.funds.RiskCompensationFund;
import org.jingzhun.spi.region.RegionCode;

/**
 * The money of poverty alleviation (扶贫资金): fund sources, projects, allocations and disbursements, village mutual-aid
 * funds, poverty microcredit with its interest subsidy and risk compensation fund, and social donations claiming
 * projects, with reports by source, area, project and household.
 *
 * <p>The ledger never overspends: an allocation never exceeds its source's unallocated balance (nor the project's
 * unfunded budget), a disbursement never exceeds the project's allocated-but-undisbursed money, a mutual-aid loan never
 * exceeds the fund's available capital, a risk-fund compensation never exceeds its balance, and a reversal never takes
 * back more than what is left of the entry or makes any of those balances negative. A refusal is an
 * {@link InsufficientFundsException} ({@code funds.overspend}) naming the record, the balance, the amount asked and the
 * amount available, and nothing is written.
 *
 * <p>Every movement is an immutable {@link LedgerEntry}, audited with who, when and why (a reason is required); a
 * correction is a counter-entry through {@link #reverse}, never an edit. Writes need the FINANCE permission in a scope
 * covering the record; reads need READ and are narrowed to the principal's scope.
 */
public final class FundsService {
    private final CoreContext ctx;
    private final FundLedger ledger;
    private final MutualAidBook mutualAid;
    private final MicrocreditBook microcredits;
    private final DonationBook donations;
    private final FundReports reports;
    private final IntegrationBook integration;
    private final NeedsBoard needs;

    /**
     * @param engine asked for the interest subsidy of every loan (the policy pack in force is its only home)
     * @param facts  given the loans issued here, so policy rules and the benefit statement read them
     */
    public FundsService(CoreContext ctx, PolicyEngine engine, HouseholdFactsStore facts) {
        FundWriter writer = new FundWriter(ctx, new FundStores(ctx.json()));
        this.ledger = new FundLedger(ctx, writer);
        this.mutualAid = new MutualAidBook(ctx, writer);
        this.microcredits = new MicrocreditBook(ctx, writer, engine, ledger);
        facts.loanSource(microcredits::loansOf);
        this.donations = new DonationBook(ctx, writer, ledger);
        this.reports = new FundReports(ctx, writer, microcredits);
        this.integration = new IntegrationBook(ctx, writer, ledger);
        this.needs = new NeedsBoard(ctx, writer.stores);
        this.ctx = ctx;
    }

    // ---------------------------------------------------------------- fund sources (资金来源)

    /**
     * Registers money that arrived (a fiscal issuance, sector funds, a unit's or donor's money) with its amount, year
     * and the area it may be spent in (a county, township or village). The id is assigned.
     */
    public FundSource addSource(Principal principal, FundSource source, String reason) {
        return ledger.addSource(principal, source, reason);
    }

    public SourceBalance source(Principal principal, String sourceId) {
        return ledger.source(principal, sourceId);
    }

    /** Sources whose scope lies in the area (narrowed to the principal's scope), of a year or of all years. */
    public List<SourceBalance> sources(Principal principal, RegionCode area, Integer year) {
        return ledger.sources(principal, area, year);
    }

    // ---------------------------------------------------------------- projects (扶贫项目)

    /**
     * Registers a project in a county, township or village with its budget and benefiting households (each must live
     * in the project's area). The id is assigned.
     */
    public AidProject addProject(Principal principal, AidProject project, String reason) {
        return ledger.addProject(principal, project, reason);
    }

    /**
     * Changes a project's name, category, budget, owner, deadline, status or beneficiaries; its area and year stay.
     * The budget cannot fall below what is allocated or claimed; a project can only be cancelled once nothing
     * allocated to it is left undisbursed (reverse the allocations first), and a cancelled project stays cancelled.
     */
    public AidProject updateProject(Principal principal, AidProject changed, String reason) {
        return ledger.updateProject(principal, changed, reason);
    }

    public ProjectBalance project(Principal principal, String projectId) {
        return ledger.project(principal, projectId);
    }

    /** Projects placed in the area (narrowed to the principal's scope), of a year or of all years. */
    public List<ProjectBalance> projects(Principal principal, RegionCode area, Integer year) {
        return ledger.projects(principal, area, year);
    }

    // ---------------------------------------------------------------- allocations and disbursements

    /**
     * Allocates money of a source to a project (资金分配). The project must lie in the source's scope (and be the
     * source's project when the source is tied to one) and still take allocations. Refused with
     * {@code funds.overspend} when the source's unallocated balance or the project's unfunded budget is smaller than
     * the amount. Needs FINANCE over both the source's scope and the project.
     *
     * @return the allocation's ledger entry; its id is the allocation id disbursements draw from
     */
    public LedgerEntry allocate(Principal principal, Allocation allocation, String reason) {
        return ledger.allocate(principal, allocation, reason);
    }

    /**
     * Pays money out of a project (资金拨付) from one of its allocations, or from its allocations oldest first (only
     * those made on or before the day) when none is named. Refused with {@code funds.overspend} when the allocated but
     * undisbursed money is smaller than the amount. Paying a household, a mutual-aid fund or a risk compensation fund
     * requires it to exist and lie in the project's area; the money then becomes the fund's fiscal capital or deposit.
     *
     * @return one ledger entry per allocation drawn from
     */
    public List<LedgerEntry> disburse(Principal principal, Disbursement disbursement, String reason) {
        return ledger.disburse(principal, disbursement, reason);
    }

    /**
     * Records a counter-entry (冲销) of a ledger entry for {@code amount} (null: all that is left of it), dated
     * {@code date}: the entry stays, and every balance it moved moves back. Refused with {@code funds.overspend} when
     * more is asked than is left of the entry, or when moving back would make a balance negative (an allocation whose
     * money is already disbursed, a fund whose capital is lent out…). Counter-entries and loan issues cannot be
     * reversed.
     *
     * @return the counter-entry
     */
    public LedgerEntry reverse(Principal principal, String entryId, BigDecimal amount, LocalDate date, String reason) {
        return ledger.reverse(principal, entryId, amount, date, reason);
    }

    public LedgerEntry entry(Principal principal, String entryId) {
        return ledger.entry(principal, entryId);
    }

    /** Ledger entries of movements in the area (narrowed to the principal's scope), of a year or all years, id order. */
    public List<LedgerEntry> entries(Principal principal, RegionCode area, Integer year) {
        return ledger.entries(principal, area, year);
    }

    /** The ledger entries of a project: its allocations, disbursements and their counter-entries, id order. */
    public List<LedgerEntry> projectEntries(Principal principal, String projectId) {
        return ledger.projectEntries(principal, projectId);
    }

    // ---------------------------------------------------------------- mutual-aid funds (互助资金)

    /** Registers a village mutual-aid fund. Its fiscal capital arrives by disbursement with a mutual-aid payee. */
    public MutualAidFund addMutualAidFund(Principal principal, MutualAidFund fund, String reason) {
        return mutualAid.addMutualAidFund(principal, fund, reason);
    }

    /** A household of the fund's village contributes capital (入股) and so becomes (or stays) a member. */
    public LedgerEntry contribute(Principal principal, String fundId, String householdId, BigDecimal amount,
            LocalDate date, String reason) {
        return mutualAid.contribute(principal, fundId, householdId, amount, date, reason);
    }

    /**
     * Lends money of a mutual-aid fund to a member household for production, within the fund's largest loan and term.
     * Refused with {@code funds.overspend} when the fund's available capital is smaller than the amount. The id is
     * assigned.
     */
    public MutualAidLoan lend(Principal principal, MutualAidLoan loan, String reason) {
        return mutualAid.lend(principal, loan, reason);
    }

    /**
     * Records a repayment of a mutual-aid loan: principal (back into available capital) and fee (占用费, added to the
     * fund's capital), either may be zero but not both. Refused with {@code funds.overspend} when the principal is
     * more than is outstanding.
     *
     * @return the repayment entry and the fee entry, those that are not zero
     */
    public List<LedgerEntry> repayMutualAid(Principal principal, String loanId, BigDecimal principalPart,
            BigDecimal fee, LocalDate date, String reason) {
        return mutualAid.repayMutualAid(principal, loanId, principalPart, fee, date, reason);
    }

    public MutualAidBalance mutualAidFund(Principal principal, String fundId) {
        return mutualAid.mutualAidFund(principal, fundId);
    }

    /** Mutual-aid funds of the villages in the area (narrowed to the principal's scope). */
    public List<MutualAidBalance> mutualAidFunds(Principal principal, RegionCode area) {
        return mutualAid.mutualAidFunds(principal, area);
    }

    public MutualAidLoanBalance mutualAidLoan(Principal principal, String loanId) {
        return mutualAid.mutualAidLoan(principal, loanId);
    }

    /** The loans of a mutual-aid fund, id order. */
    public List<MutualAidLoanBalance> mutualAidLoans(Principal principal, String fundId) {
        return mutualAid.mutualAidLoans(principal, fundId);
    }

    // ---------------------------------------------------------------- microcredit (扶贫小额信贷)

    /**
     * Registers a county's risk compensation fund (风险补偿金) with the terms of the microcredit issued under it. Its
     * deposits arrive by disbursement with a risk-fund payee. The id is assigned.
     */
    public RiskCompensationFund addRiskFund(Principal principal, RiskCompensationFund fund, String reason) {
        return microcredits.addRiskFund(principal, fund, reason);
    }

    public RiskFundBalance riskFund(Principal principal, String fundId) {
        return microcredits.riskFund(principal, fundId);
    }

    /**
     * Records a microcredit loan issued by the bank to a member of a household under a risk fund's terms. Every
     * problem is reported at once: the borrower must belong to the household and be of age (by the citizen ID, on
     * the loan's start), the principal and term within the terms' maxima, the purpose production, the household
     * active and in the fund's county. The id is assigned.
     */
    public Microcredit issueMicrocredit(Principal principal, Microcredit loan, String reason) {
        return shown(principal, microcredits.issueMicrocredit(principal, loan, reason));
    }

    /** Records a repayment of microcredit principal. Refused when more than the outstanding principal or after default. */
    public LedgerEntry repayMicrocredit(Principal principal, String loanId, BigDecimal amount, LocalDate date,
            String reason) {
        return microcredits.repayMicrocredit(principal, loanId, amount, date, reason);
    }

    /**
     * Declares a microcredit loan defaulted on {@code date}: its interest subsidy stops that day, and the risk
     * compensation fund pays its agreed share of the principal then outstanding (rounded to the fen). Refused with
     * {@code funds.overspend} when the fund's balance is smaller than that compensation; nothing is written then.
     */
    public MicrocreditBalance declareDefault(Principal principal, String loanId, LocalDate date, String reason) {
        return shown(principal, microcredits.declareDefault(principal, loanId, date, reason));
    }

    public MicrocreditBalance microcredit(Principal principal, String loanId) {
        return shown(principal, microcredits.microcredit(principal, loanId));
    }

    /** Microcredit loans of households in the area (narrowed to the principal's scope), id order. */
    public List<MicrocreditBalance> microcredits(Principal principal, RegionCode area) {
        return microcredits.microcredits(principal, area).stream().map(b -> shown(principal, b)).toList();
    }

    /**
     * The interest subsidy of a loan for the days from {@code from} (inclusive) to {@code to} (exclusive), explained;
     * computed by the interest-subsidy rule of the policy pack in force for the household's region on {@code from}
     * (e.g. the Anhui pack's actual/actual rule), which the explanation names.
     */
    public InterestSubsidy interestSubsidy(Principal principal, String loanId, LocalDate from, LocalDate to) {
        return microcredits.interestSubsidy(principal, loanId, from, to);
    }

    /**
     * Pays the interest subsidy of a loan's calendar year to the lender out of a project (贴息资金拨付): the amount is
     * what the policy pack in force computes, the ledger entries name the loan and the household, and the loan
     * records it. Refused when that year was already paid (a reversal re-opens it) or nothing is due.
     */
    public List<LedgerEntry> payInterestSubsidy(Principal principal, String loanId, int year, String projectId,
            LocalDate date, String reason) {
        return microcredits.payInterestSubsidy(principal, loanId, year, projectId, date, reason);
    }

    /** The interest subsidy of a loan for a calendar year, explained. */
    public InterestSubsidy interestSubsidy(Principal principal, String loanId, int year) {
        return microcredits.interestSubsidy(principal, loanId, year);
    }

    // ---------------------------------------------------------------- social donations (社会捐赠、项目认领)

    /**
     * Records a donor's claim of a project or part of it. Refused with {@code funds.overspend} when the claims would
     * add up to more than the project's budget. The id is assigned.
     */
    public ProjectClaim claimProject(Principal principal, ProjectClaim claim, String reason) {
        return donations.claimProject(principal, claim, reason);
    }

    /**
     * Records money received against a claim: it becomes a fund source of kind SOCIAL_DONATION tied to the project
     * and is allocated to the project at once. Refused with {@code funds.overspend} when more arrives than the claim
     * has left, or when the project's unfunded budget is smaller.
     *
     * @return the allocation entry (its {@code sourceId} is the new source)
     */
    public LedgerEntry receiveDonation(Principal principal, String claimId, BigDecimal amount, LocalDate date,
            String reason) {
        return donations.receiveDonation(principal, claimId, amount, date, reason);
    }

    /** The claims of a project with what arrived against each. */
    public List<ClaimBalance> claims(Principal principal, String projectId) {
        return donations.claims(principal, projectId);
    }

    // ---------------------------------------------------------------- reports

    // ---------------------------------------------------------------- social platform (社会扶贫平台)

    /**
     * The donor-facing needs list of an area for a signed-in principal, narrowed to its scope: open projects with
     * their unmet budget and household needs to be paid by social donation, summed by village and kind. It carries no
     * personal data, so no VIEW_PERSONAL_DATA is needed and nothing is masked.
     */
    public OpenNeeds openNeeds(Principal principal, RegionCode area) {
        return needs.openNeeds(ctx.guard().clampSearch(principal, area));
    }

    /**
     * The same needs list for the public (a donor on the social platform, not signed in). Nothing in it identifies a
     * household or person, which is why it may be read without a principal; the area must be a known county,
     * township or village ({@code validation.region_unknown} otherwise).
     */
    public OpenNeeds openNeeds(RegionCode area) {
        java.util.Objects.requireNonNull(area, "area");
        if (ctx.read(tx -> tx.regions().find(area)).isEmpty()) {
            throw new org.jingzhun.spi.error.ValidationException(List.of(org.jingzhun.spi.error.Violation.of(
                    "needs list", "area", "validation.region_unknown", area)));
        }
        return needs.openNeeds(area);
    }

    // ---------------------------------------------------------------- fund integration (统筹整合)

    /**
     * Stores a county's fund integration plan for a year ({@code expectedVersion} 0 for a new one): every line's
     * source must be an INTEGRATED_SECTOR source of that year in the county naming its granting department (the
     * sector), every project must lie in the source's scope and still take allocations, a source and project pair
     * appears once, and the lines of a source or a project never add up to more than the source's amount or the
     * project's budget ({@code funds.overspend}). Storing a plan moves no money; see {@link #carryOutIntegrationPlan}.
     */
    public Versioned<IntegrationPlan> saveIntegrationPlan(Principal principal, IntegrationPlan plan,
            long expectedVersion, String reason) {
        return integration.save(principal, plan, expectedVersion, reason);
    }

    /** The county's fund integration plan of a year, if stored. */
    public Optional<Versioned<IntegrationPlan>> integrationPlan(Principal principal, RegionCode county, int year) {
        return integration.find(principal, county, year);
    }

    /**
     * Carries a stored integration plan out as ledger allocations dated {@code date}: each line gets what it still
     * lacks against what the ledger already allocated from its source to its project, all in one unit of work under
     * the ledger's usual refusals (so a source already spent elsewhere refuses the whole run).
     *
     * @return the allocation entries written, in plan line order (empty when every line is met)
     */
    public List<LedgerEntry> carryOutIntegrationPlan(Principal principal, RegionCode county, int year,
            LocalDate date, String reason) {
        return integration.carryOut(principal, county, year, date, reason);
    }

    /** Planned, allocated and disbursed money of a county's integration plan by sector and project. */
    public IntegrationReport integrationReport(Principal principal, RegionCode county, int year) {
        return integration.report(principal, county, year);
    }

    /**
     * Fund use in an area for a year (or all years when null), narrowed to the principal's scope: by source, by kind
     * of source, by sub-area, and per project. See {@link FundReport}.
     */
    public FundReport report(Principal principal, RegionCode area, Integer year) {
        return reports.report(principal, area, year);
    }

    /**
     * The money that reached a household in a year (到户资金): disbursements paid to it (net of reversals, by the
     * day paid) and the interest subsidy of its microcredit loans for the year. Usable on the benefit statement via
     * {@link HouseholdFunds#toBenefitAmounts()}.
     */
    public HouseholdFunds household(Principal principal, String householdId, int year) {
        return reports.household(principal, householdId, year);
    }

    /** A loan as the principal may see it: the borrower's ID redacted without VIEW_PERSONAL_DATA. */
    private static Microcredit shown(Principal principal, Microcredit loan) {
        if (MaskingProfile.defaultFor(principal) == MaskingProfile.FULL) {
            return loan;
        }
        return new Microcredit(loan.id(), loan.householdId(), loan.borrower().redacted(), loan.riskFundId(),
                loan.principal(), loan.annualRate(), loan.start(), loan.termMonths(), loan.purpose());
    }

    private static MicrocreditBalance shown(Principal principal, MicrocreditBalance b) {
        return new MicrocreditBalance(shown(principal, b.loan()), b.region(), b.repaid(), b.outstanding(),
                b.defaultedOn(), b.compensated());
    }
}

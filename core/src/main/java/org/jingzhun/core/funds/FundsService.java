package org.jingzhun.core.funds;

import static org.jingzhun.core.funds.FundStores.load;
import static org.jingzhun.core.funds.FundStores.values;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.funds.FundStores.AllocationState;
import org.jingzhun.core.funds.FundStores.ClaimState;
import org.jingzhun.core.funds.FundStores.LoanState;
import org.jingzhun.core.funds.FundStores.MicrocreditState;
import org.jingzhun.core.funds.FundStores.MutualAidState;
import org.jingzhun.core.funds.FundStores.ProjectState;
import org.jingzhun.core.funds.FundStores.Repayment;
import org.jingzhun.core.funds.FundStores.RiskFundState;
import org.jingzhun.core.funds.FundStores.SourceState;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.CoreContext.Work;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.InsufficientFundsException;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.funds.AidProject;
import org.jingzhun.spi.funds.Allocation;
import org.jingzhun.spi.funds.Disbursement;
import org.jingzhun.spi.funds.EntryKind;
import org.jingzhun.spi.funds.FundSource;
import org.jingzhun.spi.funds.FundSourceKind;
import org.jingzhun.spi.funds.InterestSubsidy;
import org.jingzhun.spi.funds.LedgerEntry;
import org.jingzhun.spi.funds.Microcredit;
import org.jingzhun.spi.funds.MicrocreditTerms;
import org.jingzhun.spi.funds.Money;
import org.jingzhun.spi.funds.MutualAidFund;
import org.jingzhun.spi.funds.MutualAidLoan;
import org.jingzhun.spi.funds.Payee;
import org.jingzhun.spi.funds.PayeeKind;
import org.jingzhun.spi.funds.ProjectClaim;
import org.jingzhun.spi.funds.ProjectStatus;
import org.jingzhun.spi.funds.RiskCompensationFund;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.storage.StorageTransaction;

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
    private static final String ENTRY = "fund-entry";
    private static final String HOUSEHOLD = "household";

    private final CoreContext ctx;
    private final FundStores stores;
    private final InterestSubsidyCalculator calculator = new InterestSubsidyCalculator();

    public FundsService(CoreContext ctx) {
        this.ctx = ctx;
        this.stores = new FundStores(ctx.json());
    }

    // ---------------------------------------------------------------- fund sources (资金来源)

    /**
     * Registers money that arrived (a fiscal issuance, sector funds, a unit's or donor's money) with its amount, year
     * and the area it may be spent in (a county, township or village). The id is assigned.
     */
    public FundSource addSource(Principal principal, FundSource source, String reason) {
        requireReason("fund source", reason);
        String rec = "fund source " + source.name();
        List<Violation> problems = new ArrayList<>(ctx.validation().validate(rec, source));
        if (source.id() != null) {
            problems.add(Violation.of(rec, "id", "funds.id_assigned", source.id()));
        }
        if (source.scope() != null && source.scope().level().ordinal() < RegionLevel.COUNTY.ordinal()) {
            problems.add(Violation.of(rec, "scope", "funds.scope_level", source.scope(),
                    source.scope().level().label()));
        }
        throwIf(problems);
        requireFinance(principal, source.scope(), "register fund sources");
        return ctx.write(principal, w -> insertSource(w, source, reason));
    }

    public SourceBalance source(Principal principal, String sourceId) {
        return ctx.read(tx -> {
            SourceState s = load(stores.sources, tx, sourceId, "fund source").value();
            requireRead(principal, s.source().scope(), "read fund sources");
            return balance(s);
        });
    }

    /** Sources whose scope lies in the area (narrowed to the principal's scope), of a year or of all years. */
    public List<SourceBalance> sources(Principal principal, RegionCode area, Integer year) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return ctx.read(tx -> values(stores.sources.all(tx, effective, year), FundsService::balance));
    }

    // ---------------------------------------------------------------- projects (扶贫项目)

    /**
     * Registers a project in a county, township or village with its budget and benefiting households (each must live
     * in the project's area). The id is assigned.
     */
    public AidProject addProject(Principal principal, AidProject project, String reason) {
        requireReason("project", reason);
        String rec = "project " + project.name();
        List<Violation> problems = new ArrayList<>(ctx.validation().validate(rec, project));
        if (project.id() != null) {
            problems.add(Violation.of(rec, "id", "funds.id_assigned", project.id()));
        }
        if (project.region() != null && project.region().level().ordinal() < RegionLevel.COUNTY.ordinal()) {
            problems.add(Violation.of(rec, "region", "funds.project_level", project.region(),
                    project.region().level().label()));
        }
        throwIf(problems);
        requireFinance(principal, project.region(), "register projects");
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            requireRegion(tx, rec, "region", project.region());
            throwIf(beneficiaryProblems(tx, rec, project));
            AidProject p = project.withId(stores.nextId(tx, 'P', project.region()));
            stores.projects.save(tx, new ProjectState(p, Money.ZERO, Map.of()), 0);
            w.audit(FundStores.PROJECT, p.id(), p.region(), "register", reason, null, p);
            return p;
        });
    }

    /**
     * Changes a project's name, category, budget, owner, deadline, status or beneficiaries; its area and year stay.
     * The budget cannot fall below what is allocated or claimed; a project can only be cancelled once nothing
     * allocated to it is left undisbursed (reverse the allocations first), and a cancelled project stays cancelled.
     */
    public AidProject updateProject(Principal principal, AidProject changed, String reason) {
        requireReason("project", reason);
        String rec = "project " + changed.id();
        throwIf(ctx.validation().validate(rec, changed));
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            Versioned<ProjectState> cur = load(stores.projects, tx, changed.id(), "project");
            ProjectState state = cur.value();
            AidProject before = state.project();
            requireFinance(principal, before.region(), "amend projects");
            if (before.status() == ProjectStatus.CANCELLED) {
                throw new WorkflowException("funds.project_status", before.id(), before.status().label(), "change");
            }
            List<Violation> problems = new ArrayList<>();
            if (!before.region().equals(changed.region())) {
                problems.add(Violation.of(rec, "region", "funds.project_fixed", "region", before.region()));
            }
            if (before.year() != changed.year()) {
                problems.add(Violation.of(rec, "year", "funds.project_fixed", "year", before.year()));
            }
            if (changed.budget().compareTo(state.allocated()) < 0) {
                problems.add(Violation.of(rec, "budget", "funds.budget_below_allocated",
                        changed.budget().toPlainString(), state.allocated().toPlainString()));
            }
            if (changed.budget().compareTo(state.claimed()) < 0) {
                problems.add(Violation.of(rec, "budget", "funds.budget_below_claimed",
                        changed.budget().toPlainString(), state.claimed().toPlainString()));
            }
            BigDecimal undisbursed = state.allocated().subtract(state.disbursed());
            if (changed.status() == ProjectStatus.CANCELLED && undisbursed.signum() > 0) {
                problems.add(Violation.of(rec, "status", "funds.cancel_with_money", before.id(),
                        undisbursed.toPlainString()));
            }
            problems.addAll(beneficiaryProblems(tx, rec, changed));
            throwIf(problems);
            stores.projects.save(tx, state.withProject(changed), cur.version());
            w.audit(FundStores.PROJECT, changed.id(), changed.region(), "amend", reason, before, changed);
            return changed;
        });
    }

    public ProjectBalance project(Principal principal, String projectId) {
        return ctx.read(tx -> {
            ProjectState p = load(stores.projects, tx, projectId, "project").value();
            requireRead(principal, p.project().region(), "read projects");
            return balance(p);
        });
    }

    /** Projects placed in the area (narrowed to the principal's scope), of a year or of all years. */
    public List<ProjectBalance> projects(Principal principal, RegionCode area, Integer year) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return ctx.read(tx -> values(stores.projects.all(tx, effective, year), FundsService::balance));
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
        requireReason("allocation", reason);
        throwIf(ctx.validation().validate("allocation", allocation));
        return ctx.write(principal, w -> allocateIn(w, allocation, reason));
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
        requireReason("disbursement", reason);
        throwIf(ctx.validation().validate("disbursement", disbursement));
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            Versioned<ProjectState> prj = load(stores.projects, tx, disbursement.projectId(), "project");
            AidProject p = prj.value().project();
            requireFinance(w.principal(), p.region(), "disburse funds");
            if (!p.status().paysOut()) {
                throw new WorkflowException("funds.project_status", p.id(), p.status().label(), "pay out");
            }
            Payee payee = disbursement.payee();
            String householdId = checkPayee(tx, payee, p);
            BigDecimal amount = disbursement.amount();

            Map<String, BigDecimal> draws = new LinkedHashMap<>();
            if (disbursement.allocationId() != null) {
                AllocationState a = prj.value().allocations().get(disbursement.allocationId());
                if (a == null) {
                    throw new NotFoundException("funds.not_found", "allocation of project " + p.id(),
                            disbursement.allocationId());
                }
                notBefore(disbursement.date(), a.date(), "disbursement", "allocation " + disbursement.allocationId());
                ensure(amount, a.undisbursed(), "allocation " + disbursement.allocationId(), "undisbursed");
                draws.put(disbursement.allocationId(), amount);
            } else {
                BigDecimal available = Money.ZERO;
                for (Map.Entry<String, AllocationState> e : prj.value().allocations().entrySet()) {
                    if (!e.getValue().date().isAfter(disbursement.date())) {
                        available = available.add(e.getValue().undisbursed());
                    }
                }
                ensure(amount, available, "project " + p.id(), "undisbursed");
                BigDecimal left = amount;
                for (Map.Entry<String, AllocationState> e : prj.value().allocations().entrySet()) {
                    BigDecimal u = e.getValue().undisbursed();
                    if (left.signum() == 0 || e.getValue().date().isAfter(disbursement.date()) || u.signum() <= 0) {
                        continue;
                    }
                    BigDecimal take = left.min(u);
                    draws.put(e.getKey(), take);
                    left = left.subtract(take);
                }
            }

            String fundId = null;
            if (payee.kind() == PayeeKind.MUTUAL_AID_FUND) {
                Versioned<MutualAidState> m = load(stores.mutualAid, tx, payee.id(), "mutual-aid fund");
                stores.mutualAid.save(tx, m.value().plus(amount, Money.ZERO, Money.ZERO), m.version());
                fundId = payee.id();
            } else if (payee.kind() == PayeeKind.RISK_FUND) {
                Versioned<RiskFundState> r = load(stores.riskFunds, tx, payee.id(), "risk compensation fund");
                stores.riskFunds.save(tx, r.value().plus(amount, Money.ZERO), r.version());
                fundId = payee.id();
            }

            ProjectState ps = prj.value();
            Map<String, Versioned<SourceState>> sources = new LinkedHashMap<>();
            List<LedgerEntry> out = new ArrayList<>();
            for (Map.Entry<String, BigDecimal> d : draws.entrySet()) {
                AllocationState a = ps.allocations().get(d.getKey());
                ps = ps.with(d.getKey(), a.plus(Money.ZERO, d.getValue()));
                Versioned<SourceState> s = sources.computeIfAbsent(a.sourceId(),
                        id -> load(stores.sources, tx, id, "fund source"));
                sources.put(a.sourceId(), new Versioned<>(s.value().plus(Money.ZERO, d.getValue()), s.version()));
                out.add(record(w, new Draft(EntryKind.DISBURSEMENT, disbursement.date(), d.getValue(), p.region())
                        .source(a.sourceId()).project(p.id()).allocation(d.getKey()).payee(payee)
                        .household(householdId).fund(fundId).purpose(disbursement.purpose()), reason));
            }
            stores.projects.save(tx, ps, prj.version());
            sources.values().forEach(s -> stores.sources.save(tx, s.value(), s.version()));
            return out;
        });
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
        requireReason("reversal", reason);
        Objects.requireNonNull(date, "date");
        if (amount != null) {
            requireAmount("reversal of " + entryId, "amount", amount);
        }
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            LedgerEntry original = load(stores.entries, tx, entryId, "ledger entry").value();
            requireFinance(w.principal(), original.region(), "reverse ledger entries");
            if (original.reversal() || original.kind() == EntryKind.MICROCREDIT_ISSUE) {
                throw new WorkflowException("funds.not_reversible", entryId, original.kind().label());
            }
            notBefore(date, original.date(), "reversal", "entry " + entryId);
            BigDecimal remaining = original.amount();
            for (LedgerEntry r : stores.reversalsOf(tx, original)) {
                remaining = remaining.subtract(r.amount());
            }
            BigDecimal asked = amount == null ? remaining : Money.exact(amount);
            ensure(asked.signum() == 0 ? original.amount() : asked, remaining, "ledger entry " + entryId,
                    "unreversed");
            moveBack(w, original, asked);
            String purpose = "冲销 " + entryId + (original.purpose() == null ? "" : " " + original.purpose());
            return record(w, Draft.counter(original, asked, date, purpose), reason);
        });
    }

    public LedgerEntry entry(Principal principal, String entryId) {
        return ctx.read(tx -> {
            LedgerEntry e = load(stores.entries, tx, entryId, "ledger entry").value();
            requireRead(principal, e.region(), "read the funds ledger");
            return e;
        });
    }

    /** Ledger entries of movements in the area (narrowed to the principal's scope), of a year or all years, id order. */
    public List<LedgerEntry> entries(Principal principal, RegionCode area, Integer year) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return ctx.read(tx -> values(stores.entries.all(tx, effective, year)));
    }

    /** The ledger entries of a project: its allocations, disbursements and their counter-entries, id order. */
    public List<LedgerEntry> projectEntries(Principal principal, String projectId) {
        return ctx.read(tx -> {
            AidProject p = load(stores.projects, tx, projectId, "project").value().project();
            requireRead(principal, p.region(), "read projects");
            return values(stores.entries.all(tx, p.region(), null)).stream()
                    .filter(e -> projectId.equals(e.projectId())).toList();
        });
    }

    // ---------------------------------------------------------------- mutual-aid funds (互助资金)

    /** Registers a village mutual-aid fund. Its fiscal capital arrives by disbursement with a mutual-aid payee. */
    public MutualAidFund addMutualAidFund(Principal principal, MutualAidFund fund, String reason) {
        requireReason("mutual-aid fund", reason);
        String rec = "mutual-aid fund " + fund.name();
        List<Violation> problems = new ArrayList<>(ctx.validation().validate(rec, fund));
        if (fund.id() != null) {
            problems.add(Violation.of(rec, "id", "funds.id_assigned", fund.id()));
        }
        if (fund.village() != null && fund.village().level() != RegionLevel.VILLAGE) {
            problems.add(Violation.of(rec, "village", "pairing.village_required", fund.village(),
                    fund.village().level().label()));
        }
        throwIf(problems);
        requireFinance(principal, fund.village(), "register mutual-aid funds");
        return ctx.write(principal, w -> {
            requireRegion(w.tx(), rec, "village", fund.village());
            MutualAidFund f = fund.withId(stores.nextId(w.tx(), 'M', fund.village()));
            stores.mutualAid.save(w.tx(), new MutualAidState(f, Money.ZERO, Money.ZERO, Money.ZERO, Map.of()), 0);
            w.audit(FundStores.MUTUAL_AID, f.id(), f.village(), "register", reason, null, f);
            return f;
        });
    }

    /** A household of the fund's village contributes capital (入股) and so becomes (or stays) a member. */
    public LedgerEntry contribute(Principal principal, String fundId, String householdId, BigDecimal amount,
            LocalDate date, String reason) {
        requireReason("contribution", reason);
        requireAmount("contribution to " + fundId, "amount", amount);
        Objects.requireNonNull(date, "date");
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            Versioned<MutualAidState> m = load(stores.mutualAid, tx, fundId, "mutual-aid fund");
            MutualAidFund f = m.value().fund();
            requireFinance(w.principal(), f.village(), "manage mutual-aid funds");
            Household h = household(tx, householdId);
            throwIf(householdProblems("contribution to " + fundId, "householdId", h, f.village()));
            notBefore(date, f.establishedOn(), "contribution", "mutual-aid fund " + fundId + " established");
            BigDecimal a = Money.exact(amount);
            stores.mutualAid.save(tx, m.value().member(householdId, a), m.version());
            return record(w, new Draft(EntryKind.MUTUAL_AID_CONTRIBUTION, date, a, f.village()).fund(fundId)
                    .household(householdId).purpose("入股"), reason);
        });
    }

    /**
     * Lends money of a mutual-aid fund to a member household for production, within the fund's largest loan and term.
     * Refused with {@code funds.overspend} when the fund's available capital is smaller than the amount. The id is
     * assigned.
     */
    public MutualAidLoan lend(Principal principal, MutualAidLoan loan, String reason) {
        requireReason("mutual-aid loan", reason);
        String rec = "mutual-aid loan of household " + loan.householdId();
        List<Violation> problems = new ArrayList<>(ctx.validation().validate(rec, loan));
        if (loan.id() != null) {
            problems.add(Violation.of(rec, "id", "funds.id_assigned", loan.id()));
        }
        throwIf(problems);
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            Versioned<MutualAidState> m = load(stores.mutualAid, tx, loan.fundId(), "mutual-aid fund");
            MutualAidFund f = m.value().fund();
            requireFinance(w.principal(), f.village(), "manage mutual-aid funds");
            Household h = household(tx, loan.householdId());
            List<Violation> more = new ArrayList<>(householdProblems(rec, "householdId", h, f.village()));
            if (!m.value().members().containsKey(h.id())) {
                more.add(Violation.of(rec, "householdId", "funds.not_member", h.id(), f.id()));
            }
            if (!loan.purpose().production()) {
                more.add(Violation.of(rec, "purpose", "funds.loan_purpose", loan.purpose().label()));
            }
            if (loan.termMonths() > f.maxTermMonths()) {
                more.add(Violation.of(rec, "termMonths", "funds.loan_term_max", loan.termMonths(),
                        f.maxTermMonths()));
            }
            if (f.maxLoan() != null && loan.amount().compareTo(f.maxLoan()) > 0) {
                more.add(Violation.of(rec, "amount", "funds.loan_principal_max", loan.amount().toPlainString(),
                        f.maxLoan().toPlainString()));
            }
            throwIf(more);
            notBefore(loan.date(), f.establishedOn(), "mutual-aid loan", "mutual-aid fund " + f.id() + " established");
            ensure(loan.amount(), m.value().available(), "mutual-aid fund " + f.id(), "available capital");
            MutualAidLoan issued = loan.withId(stores.nextId(tx, 'L', f.village()));
            stores.loans.save(tx, new LoanState(issued, f.village(), Money.ZERO, Money.ZERO, Money.ZERO), 0);
            stores.mutualAid.save(tx, m.value().plus(Money.ZERO, Money.ZERO, issued.amount()), m.version());
            record(w, new Draft(EntryKind.MUTUAL_AID_LOAN, issued.date(), issued.amount(), f.village()).fund(f.id())
                    .loan(issued.id()).household(h.id()).purpose(issued.purpose().label()), reason);
            return issued;
        });
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
        requireReason("repayment", reason);
        Objects.requireNonNull(date, "date");
        BigDecimal p = principalPart == null ? Money.ZERO : Money.exact(principalPart);
        BigDecimal f = fee == null ? Money.ZERO : Money.exact(fee);
        String rec = "repayment of " + loanId;
        List<Violation> problems = new ArrayList<>();
        if (p.signum() < 0 || p.scale() > 2) {
            problems.add(Violation.of(rec, "principal", "funds.amount_invalid", p.toPlainString()));
        }
        if (f.signum() < 0 || f.scale() > 2) {
            problems.add(Violation.of(rec, "fee", "funds.amount_invalid", f.toPlainString()));
        }
        if (problems.isEmpty() && p.signum() == 0 && f.signum() == 0) {
            problems.add(Violation.of(rec, "principal", "funds.amount_invalid", "0.00"));
        }
        throwIf(problems);
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            Versioned<LoanState> l = load(stores.loans, tx, loanId, "mutual-aid loan");
            Versioned<MutualAidState> m = load(stores.mutualAid, tx, l.value().loan().fundId(), "mutual-aid fund");
            RegionCode village = m.value().fund().village();
            requireFinance(w.principal(), village, "manage mutual-aid funds");
            notBefore(date, l.value().loan().date(), "repayment", "mutual-aid loan " + loanId);
            ensure(p, l.value().outstanding(), "mutual-aid loan " + loanId, "outstanding");
            stores.loans.save(tx, l.value().plus(Money.ZERO, p, f), l.version());
            stores.mutualAid.save(tx, m.value().plus(Money.ZERO, f, p.negate()), m.version());
            List<LedgerEntry> out = new ArrayList<>();
            String hid = l.value().loan().householdId();
            if (p.signum() > 0) {
                out.add(record(w, new Draft(EntryKind.MUTUAL_AID_REPAYMENT, date, p, village)
                        .fund(m.value().fund().id()).loan(loanId).household(hid).purpose("还本"), reason));
            }
            if (f.signum() > 0) {
                out.add(record(w, new Draft(EntryKind.MUTUAL_AID_FEE, date, f, village).fund(m.value().fund().id())
                        .loan(loanId).household(hid).purpose("占用费"), reason));
            }
            return out;
        });
    }

    public MutualAidBalance mutualAidFund(Principal principal, String fundId) {
        return ctx.read(tx -> {
            MutualAidState m = load(stores.mutualAid, tx, fundId, "mutual-aid fund").value();
            requireRead(principal, m.fund().village(), "read mutual-aid funds");
            return balance(m);
        });
    }

    /** Mutual-aid funds of the villages in the area (narrowed to the principal's scope). */
    public List<MutualAidBalance> mutualAidFunds(Principal principal, RegionCode area) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return ctx.read(tx -> values(stores.mutualAid.all(tx, effective, null), FundsService::balance));
    }

    public MutualAidLoanBalance mutualAidLoan(Principal principal, String loanId) {
        return ctx.read(tx -> {
            LoanState l = load(stores.loans, tx, loanId, "mutual-aid loan").value();
            requireRead(principal, l.village(), "read mutual-aid funds");
            return balance(l);
        });
    }

    /** The loans of a mutual-aid fund, id order. */
    public List<MutualAidLoanBalance> mutualAidLoans(Principal principal, String fundId) {
        return ctx.read(tx -> {
            MutualAidFund f = load(stores.mutualAid, tx, fundId, "mutual-aid fund").value().fund();
            requireRead(principal, f.village(), "read mutual-aid funds");
            return values(stores.loans.all(tx, f.village(), null)).stream()
                    .filter(l -> l.loan().fundId().equals(fundId)).map(FundsService::balance).toList();
        });
    }

    // ---------------------------------------------------------------- microcredit (扶贫小额信贷)

    /**
     * Registers a county's risk compensation fund (风险补偿金) with the terms of the microcredit issued under it. Its
     * deposits arrive by disbursement with a risk-fund payee. The id is assigned.
     */
    public RiskCompensationFund addRiskFund(Principal principal, RiskCompensationFund fund, String reason) {
        requireReason("risk compensation fund", reason);
        String rec = "risk compensation fund " + fund.name();
        List<Violation> problems = new ArrayList<>(ctx.validation().validate(rec, fund));
        if (fund.id() != null) {
            problems.add(Violation.of(rec, "id", "funds.id_assigned", fund.id()));
        }
        if (fund.county() != null && fund.county().level() != RegionLevel.COUNTY) {
            problems.add(Violation.of(rec, "county", "funds.county_required", fund.county(),
                    fund.county().level().label()));
        }
        if (fund.terms() != null && fund.terms().minAge() > fund.terms().maxAge()) {
            problems.add(Violation.of(rec, "terms.minAge", "funds.ages_order", fund.terms().minAge(),
                    fund.terms().maxAge()));
        }
        throwIf(problems);
        requireFinance(principal, fund.county(), "register risk compensation funds");
        return ctx.write(principal, w -> {
            requireRegion(w.tx(), rec, "county", fund.county());
            RiskCompensationFund f = fund.withId(stores.nextId(w.tx(), 'R', fund.county()));
            stores.riskFunds.save(w.tx(), new RiskFundState(f, Money.ZERO, Money.ZERO), 0);
            w.audit(FundStores.RISK_FUND, f.id(), f.county(), "register", reason, null, f);
            return f;
        });
    }

    public RiskFundBalance riskFund(Principal principal, String fundId) {
        return ctx.read(tx -> {
            RiskFundState r = load(stores.riskFunds, tx, fundId, "risk compensation fund").value();
            requireRead(principal, r.fund().county(), "read risk compensation funds");
            return balance(r);
        });
    }

    /**
     * Records a microcredit loan issued by the bank to a member of a household under a risk fund's terms. Every
     * problem is reported at once: the borrower must belong to the household and be of age (by the citizen ID, on
     * the loan's start), the principal and term within the terms' maxima, the purpose production, the household
     * active and in the fund's county. The id is assigned.
     */
    public Microcredit issueMicrocredit(Principal principal, Microcredit loan, String reason) {
        requireReason("microcredit", reason);
        String rec = "microcredit of household " + loan.householdId();
        List<Violation> problems = new ArrayList<>(ctx.validation().validate(rec, loan));
        if (loan.id() != null) {
            problems.add(Violation.of(rec, "id", "funds.id_assigned", loan.id()));
        }
        throwIf(problems);
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            Household h = household(tx, loan.householdId());
            requireFinance(w.principal(), h.region(), "issue microcredit");
            RiskCompensationFund rf = load(stores.riskFunds, tx, loan.riskFundId(), "risk compensation fund").value()
                    .fund();
            MicrocreditTerms t = rf.terms();
            List<Violation> more = new ArrayList<>(householdProblems(rec, "householdId", h, rf.county()));
            if (h.members().stream().noneMatch(m -> m.citizenId().equals(loan.borrower()))) {
                more.add(Violation.of(rec, "borrower", "funds.borrower_not_member", loan.borrower().masked(),
                        h.id()));
            }
            int age = loan.borrower().ageOn(loan.start());
            if (age < t.minAge() || age > t.maxAge()) {
                more.add(Violation.of(rec, "borrower", "funds.borrower_age", age, loan.start(), t.minAge(),
                        t.maxAge()));
            }
            if (loan.principal().compareTo(t.maxPrincipal()) > 0) {
                more.add(Violation.of(rec, "principal", "funds.loan_principal_max",
                        loan.principal().toPlainString(), t.maxPrincipal().toPlainString()));
            }
            if (loan.termMonths() > t.maxTermMonths()) {
                more.add(Violation.of(rec, "termMonths", "funds.loan_term_max", loan.termMonths(),
                        t.maxTermMonths()));
            }
            if (!loan.purpose().production()) {
                more.add(Violation.of(rec, "purpose", "funds.loan_purpose", loan.purpose().label()));
            }
            throwIf(more);
            Microcredit issued = loan.withId(stores.nextId(tx, 'C', h.region()));
            stores.microcredits.save(tx, new MicrocreditState(issued, h.region(), Map.of(), null, Money.ZERO), 0);
            w.audit(HOUSEHOLD, h.id(), h.region(), "issue-microcredit", reason, null, issued);
            record(w, new Draft(EntryKind.MICROCREDIT_ISSUE, issued.start(), issued.principal(), h.region())
                    .fund(rf.id()).loan(issued.id()).household(h.id()).purpose(issued.purpose().label()), reason);
            return issued;
        });
    }

    /** Records a repayment of microcredit principal. Refused when more than the outstanding principal or after default. */
    public LedgerEntry repayMicrocredit(Principal principal, String loanId, BigDecimal amount, LocalDate date,
            String reason) {
        requireReason("repayment", reason);
        requireAmount("repayment of " + loanId, "amount", amount);
        Objects.requireNonNull(date, "date");
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            Versioned<MicrocreditState> mc = load(stores.microcredits, tx, loanId, "microcredit");
            MicrocreditState s = mc.value();
            requireFinance(w.principal(), s.region(), "record microcredit repayments");
            if (s.defaultedOn() != null) {
                throw new WorkflowException("funds.loan_defaulted", loanId, s.defaultedOn());
            }
            notBefore(date, s.loan().start(), "repayment", "microcredit " + loanId + " start");
            BigDecimal a = Money.exact(amount);
            ensure(a, s.outstanding(), "microcredit " + loanId, "outstanding");
            LedgerEntry e = record(w, new Draft(EntryKind.MICROCREDIT_REPAYMENT, date, a, s.region())
                    .fund(s.loan().riskFundId()).loan(loanId).household(s.loan().householdId()).purpose("还本"),
                    reason);
            stores.microcredits.save(tx, s.repayment(e.id(), new Repayment(date, a)), mc.version());
            return e;
        });
    }

    /**
     * Declares a microcredit loan defaulted on {@code date}: its interest subsidy stops that day, and the risk
     * compensation fund pays its agreed share of the principal then outstanding (rounded to the fen). Refused with
     * {@code funds.overspend} when the fund's balance is smaller than that compensation; nothing is written then.
     */
    public MicrocreditBalance declareDefault(Principal principal, String loanId, LocalDate date, String reason) {
        requireReason("default", reason);
        Objects.requireNonNull(date, "date");
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            Versioned<MicrocreditState> mc = load(stores.microcredits, tx, loanId, "microcredit");
            MicrocreditState s = mc.value();
            requireFinance(w.principal(), s.region(), "declare microcredit defaults");
            if (s.defaultedOn() != null) {
                throw new WorkflowException("funds.loan_defaulted", loanId, s.defaultedOn());
            }
            notBefore(date, s.loan().start(), "default", "microcredit " + loanId + " start");
            BigDecimal outstanding = s.outstanding();
            if (outstanding.signum() == 0) {
                throw new WorkflowException("funds.loan_repaid", loanId);
            }
            Versioned<RiskFundState> rf = load(stores.riskFunds, tx, s.loan().riskFundId(), "risk compensation fund");
            BigDecimal compensation = Money.round(outstanding.multiply(rf.value().fund().coverageShare()));
            ensure(compensation, rf.value().balance(), "risk compensation fund " + rf.value().fund().id(), "balance");
            MicrocreditState after = s.defaulted(date, compensation);
            stores.microcredits.save(tx, after, mc.version());
            stores.riskFunds.save(tx, rf.value().plus(Money.ZERO, compensation), rf.version());
            w.audit(HOUSEHOLD, s.loan().householdId(), s.region(), "microcredit-default", reason, balance(s),
                    balance(after));
            if (compensation.signum() > 0) {
                record(w, new Draft(EntryKind.RISK_COMPENSATION, date, compensation, s.region())
                        .fund(rf.value().fund().id()).loan(loanId).household(s.loan().householdId())
                        .purpose("代偿 " + InterestSubsidyCalculator.percent(rf.value().fund().coverageShare())
                                + " × " + outstanding.toPlainString()), reason);
            }
            return balance(after);
        });
    }

    public MicrocreditBalance microcredit(Principal principal, String loanId) {
        return ctx.read(tx -> {
            MicrocreditState s = load(stores.microcredits, tx, loanId, "microcredit").value();
            requireRead(principal, s.region(), "read microcredit");
            return balance(s);
        });
    }

    /** Microcredit loans of households in the area (narrowed to the principal's scope), id order. */
    public List<MicrocreditBalance> microcredits(Principal principal, RegionCode area) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return ctx.read(tx -> values(stores.microcredits.all(tx, effective, null), FundsService::balance));
    }

    /**
     * The interest subsidy of a loan for the days from {@code from} (inclusive) to {@code to} (exclusive), explained;
     * see {@link InterestSubsidyCalculator} for the rules.
     */
    public InterestSubsidy interestSubsidy(Principal principal, String loanId, LocalDate from, LocalDate to) {
        return ctx.read(tx -> {
            MicrocreditState s = load(stores.microcredits, tx, loanId, "microcredit").value();
            requireRead(principal, s.region(), "read microcredit");
            return subsidy(tx, s, from, to);
        });
    }

    /** The interest subsidy of a loan for a calendar year, explained. */
    public InterestSubsidy interestSubsidy(Principal principal, String loanId, int year) {
        return interestSubsidy(principal, loanId, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    // ---------------------------------------------------------------- social donations (社会捐赠、项目认领)

    /**
     * Records a donor's claim of a project or part of it. Refused with {@code funds.overspend} when the claims would
     * add up to more than the project's budget. The id is assigned.
     */
    public ProjectClaim claimProject(Principal principal, ProjectClaim claim, String reason) {
        requireReason("project claim", reason);
        String rec = "claim of project " + claim.projectId();
        List<Violation> problems = new ArrayList<>(ctx.validation().validate(rec, claim));
        if (claim.id() != null) {
            problems.add(Violation.of(rec, "id", "funds.id_assigned", claim.id()));
        }
        throwIf(problems);
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            Versioned<ProjectState> prj = load(stores.projects, tx, claim.projectId(), "project");
            AidProject p = prj.value().project();
            requireFinance(w.principal(), p.region(), "record project claims");
            if (!p.status().takesAllocations()) {
                throw new WorkflowException("funds.project_status", p.id(), p.status().label(), "be claimed");
            }
            ensure(claim.amount(), p.budget().subtract(prj.value().claimed()), "project " + p.id(),
                    "unclaimed budget");
            ProjectClaim c = claim.withId(stores.nextId(tx, 'D', p.region()));
            stores.claims.save(tx, new ClaimState(c, p.region(), Money.ZERO), 0);
            stores.projects.save(tx, prj.value().withClaimed(prj.value().claimed().add(c.amount())), prj.version());
            w.audit(FundStores.CLAIM, c.id(), p.region(), "claim", reason, null, c);
            return c;
        });
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
        requireReason("donation", reason);
        requireAmount("donation for " + claimId, "amount", amount);
        Objects.requireNonNull(date, "date");
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            Versioned<ClaimState> cl = load(stores.claims, tx, claimId, "project claim");
            ProjectClaim c = cl.value().claim();
            AidProject p = load(stores.projects, tx, c.projectId(), "project").value().project();
            requireFinance(w.principal(), p.region(), "receive donations");
            notBefore(date, c.date(), "donation", "claim " + claimId);
            BigDecimal a = Money.exact(amount);
            ensure(a, cl.value().unreceived(), "project claim " + claimId, "unreceived");
            String name = clip("社会捐赠 " + c.donor().name() + " 认领 " + p.name(), 200);
            FundSource s = insertSource(w, new FundSource(null, FundSourceKind.SOCIAL_DONATION, name, p.year(), a,
                    p.region(), clip(c.donor().name(), 100), date, p.id()), reason);
            stores.claims.save(tx, new ClaimState(c, cl.value().region(), cl.value().received().add(a)),
                    cl.version());
            return allocateIn(w, new Allocation(s.id(), p.id(), a, date), reason);
        });
    }

    /** The claims of a project with what arrived against each. */
    public List<ClaimBalance> claims(Principal principal, String projectId) {
        return ctx.read(tx -> {
            AidProject p = load(stores.projects, tx, projectId, "project").value().project();
            requireRead(principal, p.region(), "read projects");
            return values(stores.claims.bySubject(tx, FundStores.countyOf(projectId), projectId)).stream()
                    .map(c -> new ClaimBalance(c.claim(), c.received(), c.unreceived())).toList();
        });
    }

    // ---------------------------------------------------------------- reports

    /**
     * Fund use in an area for a year (or all years when null), narrowed to the principal's scope: by source, by kind
     * of source, by sub-area, and per project. See {@link FundReport}.
     */
    public FundReport report(Principal principal, RegionCode area, Integer year) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        LocalDate today = LocalDate.now(ctx.clock());
        return ctx.read(tx -> {
            List<SourceState> sources = values(stores.sources.all(tx, effective, year));
            List<ProjectState> projects = values(stores.projects.all(tx, effective, year));
            Map<RegionCode, String> names = new HashMap<>();
            tx.regions().findWithin(effective).forEach(r -> names.put(r.code(), r.name()));
            tx.regions().find(effective).map(Region::name).ifPresent(n -> names.put(effective, n));

            List<FundUseLine> bySource = new ArrayList<>();
            Map<FundSourceKind, BigDecimal[]> kinds = new java.util.EnumMap<>(FundSourceKind.class);
            BigDecimal[] total = {Money.ZERO, Money.ZERO, Money.ZERO};
            for (SourceState s : sources) {
                bySource.add(FundUseLine.of(s.source().id(), s.source().kind().label() + " " + s.source().name(),
                        s.source().amount(), s.allocated(), s.disbursed()));
                BigDecimal[] k = kinds.computeIfAbsent(s.source().kind(),
                        x -> new BigDecimal[] {Money.ZERO, Money.ZERO, Money.ZERO});
                add(k, s.source().amount(), s.allocated(), s.disbursed());
                add(total, s.source().amount(), s.allocated(), s.disbursed());
            }
            List<FundUseLine> byKind = new ArrayList<>();
            kinds.forEach((k, v) -> byKind.add(FundUseLine.of(k.name(), k.label(), v[0], v[1], v[2])));

            RegionLevel child = effective.level().child();
            Map<RegionCode, BigDecimal[]> areas = new java.util.TreeMap<>();
            for (ProjectState p : projects) {
                RegionCode r = p.project().region();
                RegionCode key = child != null && r.level().ordinal() >= child.ordinal() ? r.ancestorAt(child) : r;
                BigDecimal allocated = p.allocated();
                add(areas.computeIfAbsent(key, x -> new BigDecimal[] {Money.ZERO, Money.ZERO, Money.ZERO}),
                        allocated, allocated, p.disbursed());
            }
            List<FundUseLine> byArea = new ArrayList<>();
            areas.forEach((k, v) -> byArea.add(FundUseLine.of(k.value(), names.getOrDefault(k, k.value()), v[0],
                    v[1], v[2])));
            return new FundReport(effective, year, bySource, byKind,
                    FundUseLine.of("TOTAL", "合计", total[0], total[1], total[2]), byArea,
                    projects.stream().map(FundsService::balance).toList(), today);
        });
    }

    /**
     * The money that reached a household in a year (到户资金): disbursements paid to it (net of reversals, by the
     * day paid) and the interest subsidy of its microcredit loans for the year. Usable on the benefit statement via
     * {@link HouseholdFunds#toBenefitAmounts()}.
     */
    public HouseholdFunds household(Principal principal, String householdId, int year) {
        return ctx.read(tx -> {
            Household h = household(tx, householdId);
            requireRead(principal, h.region(), "read household funds");
            List<LedgerEntry> entries = values(stores.entries.bySubject(tx, h.countyCode(), householdId));
            Map<String, BigDecimal> reversed = new HashMap<>();
            entries.stream().filter(LedgerEntry::reversal)
                    .forEach(e -> reversed.merge(e.reverses(), e.amount(), BigDecimal::add));
            Map<String, String> projectNames = new HashMap<>();
            List<HouseholdFundLine> lines = new ArrayList<>();
            for (LedgerEntry e : entries) {
                if (e.reversal() || e.kind() != EntryKind.DISBURSEMENT || e.date().getYear() != year
                        || e.payee() == null || e.payee().kind() != PayeeKind.HOUSEHOLD) {
                    continue;
                }
                BigDecimal net = e.amount().subtract(reversed.getOrDefault(e.id(), Money.ZERO));
                if (net.signum() > 0) {
                    String name = projectNames.computeIfAbsent(e.projectId(),
                            id -> load(stores.projects, tx, id, "project").value().project().name());
                    lines.add(new HouseholdFundLine(e.id(), e.date(), e.projectId(), name, e.purpose(), net));
                }
            }
            lines.sort(Comparator.comparing(HouseholdFundLine::date).thenComparing(HouseholdFundLine::entryId));
            List<InterestSubsidy> subsidies = new ArrayList<>();
            for (MicrocreditState s : values(stores.microcredits.bySubject(tx, h.countyCode(), householdId))) {
                InterestSubsidy sub = subsidy(tx, s, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
                if (sub.days() > 0) {
                    subsidies.add(sub);
                }
            }
            return new HouseholdFunds(householdId, h.region(), year, lines, subsidies,
                    HouseholdFunds.totalOf(lines, subsidies));
        });
    }

    // ---------------------------------------------------------------- internals

    private FundSource insertSource(Work w, FundSource source, String reason) {
        StorageTransaction tx = w.tx();
        String rec = "fund source " + source.name();
        requireRegion(tx, rec, "scope", source.scope());
        if (source.projectId() != null) {
            AidProject p = load(stores.projects, tx, source.projectId(), "project").value().project();
            if (!source.scope().contains(p.region())) {
                throwIf(List.of(Violation.of(rec, "projectId", "funds.outside_area", "project " + p.id(), p.region(),
                        source.scope())));
            }
        }
        FundSource s = source.withId(stores.nextId(tx, 'S', source.scope()));
        stores.sources.save(tx, new SourceState(s, Money.ZERO, Money.ZERO), 0);
        w.audit(FundStores.SOURCE, s.id(), s.scope(), "register", reason, null, s);
        return s;
    }

    private LedgerEntry allocateIn(Work w, Allocation a, String reason) {
        StorageTransaction tx = w.tx();
        Versioned<SourceState> src = load(stores.sources, tx, a.sourceId(), "fund source");
        Versioned<ProjectState> prj = load(stores.projects, tx, a.projectId(), "project");
        FundSource s = src.value().source();
        AidProject p = prj.value().project();
        requireFinance(w.principal(), s.scope(), "allocate funds");
        requireFinance(w.principal(), p.region(), "allocate funds");
        if (!s.scope().contains(p.region())) {
            throwIf(List.of(Violation.of("allocation", "projectId", "funds.outside_area", "project " + p.id(),
                    p.region(), s.scope())));
        }
        if (s.projectId() != null && !s.projectId().equals(p.id())) {
            throwIf(List.of(Violation.of("allocation", "projectId", "funds.tied_source", s.id(), s.projectId(),
                    p.id())));
        }
        if (!p.status().takesAllocations()) {
            throw new WorkflowException("funds.project_status", p.id(), p.status().label(), "take allocations");
        }
        notBefore(a.date(), s.receivedOn(), "allocation", "fund source " + s.id() + " received");
        ensure(a.amount(), src.value().unallocated(), "fund source " + s.id(), "unallocated");
        ensure(a.amount(), prj.value().unfunded(), "project " + p.id(), "unfunded budget");
        LedgerEntry e = record(w, new Draft(EntryKind.ALLOCATION, a.date(), a.amount(), p.region()).source(s.id())
                .project(p.id()).purpose(clip("分配至 " + p.name(), 200)), reason);
        stores.sources.save(tx, src.value().plus(a.amount(), Money.ZERO), src.version());
        stores.projects.save(tx, prj.value().with(e.id(), new AllocationState(s.id(), a.date(), a.amount(),
                Money.ZERO)), prj.version());
        return e;
    }

    /** Undoes {@code amount} of what {@code original} moved, refusing when a balance would go negative. */
    private void moveBack(Work w, LedgerEntry original, BigDecimal amount) {
        StorageTransaction tx = w.tx();
        BigDecimal minus = amount.negate();
        switch (original.kind()) {
            case ALLOCATION -> {
                Versioned<ProjectState> prj = load(stores.projects, tx, original.projectId(), "project");
                Versioned<SourceState> src = load(stores.sources, tx, original.sourceId(), "fund source");
                requireFinance(w.principal(), src.value().source().scope(), "reverse allocations");
                AllocationState a = prj.value().allocations().get(original.id());
                ensure(amount, a.undisbursed(), "allocation " + original.id(), "undisbursed");
                stores.projects.save(tx, prj.value().with(original.id(), a.plus(minus, Money.ZERO)), prj.version());
                stores.sources.save(tx, src.value().plus(minus, Money.ZERO), src.version());
            }
            case DISBURSEMENT -> {
                Versioned<ProjectState> prj = load(stores.projects, tx, original.projectId(), "project");
                Versioned<SourceState> src = load(stores.sources, tx, original.sourceId(), "fund source");
                AllocationState a = prj.value().allocations().get(original.allocationId());
                if (original.payee().kind() == PayeeKind.MUTUAL_AID_FUND) {
                    Versioned<MutualAidState> m = load(stores.mutualAid, tx, original.fundId(), "mutual-aid fund");
                    ensure(amount, m.value().available(), "mutual-aid fund " + original.fundId(),
                            "available capital");
                    stores.mutualAid.save(tx, m.value().plus(minus, Money.ZERO, Money.ZERO), m.version());
                } else if (original.payee().kind() == PayeeKind.RISK_FUND) {
                    Versioned<RiskFundState> r = load(stores.riskFunds, tx, original.fundId(),
                            "risk compensation fund");
                    ensure(amount, r.value().balance(), "risk compensation fund " + original.fundId(), "balance");
                    stores.riskFunds.save(tx, r.value().plus(minus, Money.ZERO), r.version());
                }
                stores.projects.save(tx, prj.value().with(original.allocationId(), a.plus(Money.ZERO, minus)),
                        prj.version());
                stores.sources.save(tx, src.value().plus(Money.ZERO, minus), src.version());
            }
            case MUTUAL_AID_CONTRIBUTION -> {
                Versioned<MutualAidState> m = load(stores.mutualAid, tx, original.fundId(), "mutual-aid fund");
                ensure(amount, m.value().available(), "mutual-aid fund " + original.fundId(), "available capital");
                stores.mutualAid.save(tx, m.value().member(original.householdId(), minus), m.version());
            }
            case MUTUAL_AID_LOAN -> {
                Versioned<LoanState> l = load(stores.loans, tx, original.loanId(), "mutual-aid loan");
                Versioned<MutualAidState> m = load(stores.mutualAid, tx, original.fundId(), "mutual-aid fund");
                ensure(amount, l.value().outstanding(), "mutual-aid loan " + original.loanId(), "outstanding");
                stores.loans.save(tx, l.value().plus(amount, Money.ZERO, Money.ZERO), l.version());
                stores.mutualAid.save(tx, m.value().plus(Money.ZERO, Money.ZERO, minus), m.version());
            }
            case MUTUAL_AID_REPAYMENT -> {
                Versioned<LoanState> l = load(stores.loans, tx, original.loanId(), "mutual-aid loan");
                Versioned<MutualAidState> m = load(stores.mutualAid, tx, original.fundId(), "mutual-aid fund");
                ensure(amount, m.value().available(), "mutual-aid fund " + original.fundId(), "available capital");
                stores.loans.save(tx, l.value().plus(Money.ZERO, minus, Money.ZERO), l.version());
                stores.mutualAid.save(tx, m.value().plus(Money.ZERO, Money.ZERO, amount), m.version());
            }
            case MUTUAL_AID_FEE -> {
                Versioned<LoanState> l = load(stores.loans, tx, original.loanId(), "mutual-aid loan");
                Versioned<MutualAidState> m = load(stores.mutualAid, tx, original.fundId(), "mutual-aid fund");
                ensure(amount, m.value().available(), "mutual-aid fund " + original.fundId(), "available capital");
                stores.loans.save(tx, l.value().plus(Money.ZERO, Money.ZERO, minus), l.version());
                stores.mutualAid.save(tx, m.value().plus(Money.ZERO, minus, Money.ZERO), m.version());
            }
            case MICROCREDIT_REPAYMENT -> {
                Versioned<MicrocreditState> mc = load(stores.microcredits, tx, original.loanId(), "microcredit");
                if (mc.value().defaultedOn() != null) {
                    throw new WorkflowException("funds.loan_defaulted", original.loanId(), mc.value().defaultedOn());
                }
                Repayment r = mc.value().repayments().get(original.id());
                stores.microcredits.save(tx, mc.value().repayment(original.id(),
                        new Repayment(r.date(), r.amount().add(minus))), mc.version());
            }
            case RISK_COMPENSATION -> {
                Versioned<MicrocreditState> mc = load(stores.microcredits, tx, original.loanId(), "microcredit");
                Versioned<RiskFundState> r = load(stores.riskFunds, tx, original.fundId(), "risk compensation fund");
                MicrocreditState s = mc.value();
                stores.microcredits.save(tx, s.defaulted(s.defaultedOn(), s.compensated().add(minus)), mc.version());
                stores.riskFunds.save(tx, r.value().plus(Money.ZERO, minus), r.version());
            }
            default -> throw new WorkflowException("funds.not_reversible", original.id(), original.kind().label());
        }
    }

    /** Checks a payee against the project; returns the household id when the payee is a household. */
    private String checkPayee(StorageTransaction tx, Payee payee, AidProject p) {
        String rec = "disbursement of project " + p.id();
        switch (payee.kind()) {
            case HOUSEHOLD -> {
                if (payee.id() == null || payee.id().isBlank()) {
                    throwIf(List.of(Violation.of(rec, "payee.id", "validation.required")));
                }
                Household h = household(tx, payee.id());
                throwIf(householdProblems(rec, "payee.id", h, p.region()));
                return h.id();
            }
            case MUTUAL_AID_FUND -> {
                MutualAidFund f = load(stores.mutualAid, tx, payee.id(), "mutual-aid fund").value().fund();
                if (!p.region().contains(f.village())) {
                    throwIf(List.of(Violation.of(rec, "payee.id", "funds.outside_area", "mutual-aid fund " + f.id(),
                            f.village(), p.region())));
                }
                return null;
            }
            case RISK_FUND -> {
                RiskCompensationFund f = load(stores.riskFunds, tx, payee.id(), "risk compensation fund").value()
                        .fund();
                if (!f.county().contains(p.region())) {
                    throwIf(List.of(Violation.of(rec, "payee.id", "funds.outside_area", "project " + p.id(),
                            p.region(), f.county())));
                }
                return null;
            }
            default -> {
                if (payee.name() == null || payee.name().isBlank()) {
                    throwIf(List.of(Violation.of(rec, "payee.name", "validation.required")));
                }
                return null;
            }
        }
    }

    private List<Violation> householdProblems(String rec, String field, Household h, RegionCode area) {
        List<Violation> out = new ArrayList<>();
        if (!h.status().active()) {
            out.add(Violation.of(rec, field, "funds.household_removed", h.id()));
        }
        if (!area.contains(h.region())) {
            out.add(Violation.of(rec, field, "funds.outside_area", "household " + h.id(), h.region(), area));
        }
        return out;
    }

    private List<Violation> beneficiaryProblems(StorageTransaction tx, String rec, AidProject p) {
        List<Violation> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, Household> found = tx.households().findAll(p.beneficiaries());
        for (int i = 0; i < p.beneficiaries().size(); i++) {
            String id = p.beneficiaries().get(i);
            String field = "beneficiaries[" + i + "]";
            if (!seen.add(id)) {
                out.add(Violation.of(rec, field, "workflow.listed_twice", id));
            } else if (!found.containsKey(id)) {
                out.add(Violation.of(rec, field, "household.not_found", id));
            } else {
                out.addAll(householdProblems(rec, field, found.get(id), p.region()));
            }
        }
        return out;
    }

    private InterestSubsidy subsidy(StorageTransaction tx, MicrocreditState s, LocalDate from, LocalDate to) {
        RiskCompensationFund rf = load(stores.riskFunds, tx, s.loan().riskFundId(), "risk compensation fund").value()
                .fund();
        return calculator.compute(rf.name(), rf.terms(), s.loan(), s.loan().householdId(), s.repaidByDay(),
                s.defaultedOn(), from, to);
    }

    /** Stores a ledger entry and audits it (who, when, why). */
    private LedgerEntry record(Work w, Draft d, String reason) {
        String id = stores.nextId(w.tx(), 'E', d.region);
        LedgerEntry e = new LedgerEntry(id, d.kind, d.date, d.amount, d.region, d.sourceId, d.projectId,
                d.allocationId, d.payee, d.fundId, d.loanId, d.householdId, d.reverses, clip(d.purpose, 200), reason,
                w.principal().userId(), ctx.clock().instant());
        throwIf(ctx.validation().validate("ledger entry " + id, e));
        stores.entries.save(w.tx(), e, 0);
        String action = e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        w.audit(ENTRY, id, e.region(), e.reversal() ? "reverse-" + action : action, reason, null, e);
        return e;
    }

    /** The fields of a ledger entry before it gets its id, who and when. */
    private static final class Draft {
        final EntryKind kind;
        final LocalDate date;
        final BigDecimal amount;
        final RegionCode region;
        String sourceId;
        String projectId;
        String allocationId;
        Payee payee;
        String fundId;
        String loanId;
        String householdId;
        String reverses;
        String purpose;

        Draft(EntryKind kind, LocalDate date, BigDecimal amount, RegionCode region) {
            this.kind = kind;
            this.date = date;
            this.amount = amount;
            this.region = region;
        }

        static Draft counter(LedgerEntry original, BigDecimal amount, LocalDate date, String purpose) {
            Draft d = new Draft(original.kind(), date, amount, original.region()).source(original.sourceId())
                    .project(original.projectId()).allocation(original.allocationId()).payee(original.payee())
                    .fund(original.fundId()).loan(original.loanId()).household(original.householdId())
                    .purpose(purpose);
            d.reverses = original.id();
            return d;
        }

        Draft source(String v) {
            sourceId = v;
            return this;
        }

        Draft project(String v) {
            projectId = v;
            return this;
        }

        Draft allocation(String v) {
            allocationId = v;
            return this;
        }

        Draft payee(Payee v) {
            payee = v;
            return this;
        }

        Draft fund(String v) {
            fundId = v;
            return this;
        }

        Draft loan(String v) {
            loanId = v;
            return this;
        }

        Draft household(String v) {
            householdId = v;
            return this;
        }

        Draft purpose(String v) {
            purpose = v;
            return this;
        }
    }

    private static void ensure(BigDecimal asked, BigDecimal available, String record, String field) {
        if (asked.compareTo(available) > 0) {
            throw new InsufficientFundsException(record, field, Money.exact(asked), Money.exact(available));
        }
    }

    private static void notBefore(LocalDate date, LocalDate earliest, String what, String earliestWhat) {
        if (date.isBefore(earliest)) {
            throw new WorkflowException("funds.date_order", what, date, earliestWhat, earliest);
        }
    }

    private static void requireReason(String what, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new WorkflowException("workflow.reason_required", what);
        }
    }

    private static void requireAmount(String rec, String field, BigDecimal amount) {
        BigDecimal a = amount == null ? null : Money.exact(amount);
        if (a == null || a.signum() <= 0 || a.scale() > 2 || a.precision() - a.scale() > 12) {
            throwIf(List.of(Violation.of(rec, field, "funds.amount_invalid",
                    amount == null ? "null" : amount.toPlainString())));
        }
    }

    private void requireFinance(Principal principal, RegionCode region, String action) {
        ctx.guard().require(principal, Permission.FINANCE, region, action);
    }

    private void requireRead(Principal principal, RegionCode region, String action) {
        ctx.guard().require(principal, Permission.READ, region, action);
    }

    private static void requireRegion(StorageTransaction tx, String rec, String field, RegionCode region) {
        if (tx.regions().find(region).isEmpty()) {
            throwIf(List.of(Violation.of(rec, field, "validation.region_unknown", region)));
        }
    }

    private static Household household(StorageTransaction tx, String id) {
        return tx.households().find(id).orElseThrow(() -> new NotFoundException("household.not_found", id));
    }

    private static void throwIf(List<Violation> problems) {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static void add(BigDecimal[] acc, BigDecimal a, BigDecimal b, BigDecimal c) {
        acc[0] = acc[0].add(a);
        acc[1] = acc[1].add(b);
        acc[2] = acc[2].add(c);
    }

    static SourceBalance balance(SourceState s) {
        return new SourceBalance(s.source(), s.allocated(), s.unallocated(), s.disbursed());
    }

    static ProjectBalance balance(ProjectState p) {
        List<AllocationBalance> allocations = new ArrayList<>();
        p.allocations().forEach((id, a) -> allocations.add(new AllocationBalance(id, a.sourceId(), a.date(),
                a.allocated(), a.disbursed(), a.undisbursed())));
        BigDecimal allocated = p.allocated();
        BigDecimal disbursed = p.disbursed();
        return new ProjectBalance(p.project(), allocated, disbursed, allocated.subtract(disbursed), p.unfunded(),
                p.project().budget().subtract(disbursed), p.claimed(), allocations);
    }

    static MutualAidBalance balance(MutualAidState m) {
        return new MutualAidBalance(m.fund(), m.fiscalCapital(), m.memberCapital(), m.feeIncome(), m.capital(),
                m.outstanding(), m.available(), m.members());
    }

    static MutualAidLoanBalance balance(LoanState l) {
        return new MutualAidLoanBalance(l.loan(), l.cancelled(), l.repaid(), l.fees(), l.outstanding());
    }

    static RiskFundBalance balance(RiskFundState r) {
        return new RiskFundBalance(r.fund(), r.deposited(), r.paidOut(), r.balance());
    }

    static MicrocreditBalance balance(MicrocreditState s) {
        return new MicrocreditBalance(s.loan(), s.region(), s.repaid(), s.outstanding(), s.defaultedOn(),
                s.compensated());
    }
}

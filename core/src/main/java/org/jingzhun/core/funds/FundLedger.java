package org.jingzhun.core.funds;

import static org.jingzhun.core.funds.FundStores.balance;
import static org.jingzhun.core.funds.FundStores.load;
import static org.jingzhun.core.funds.FundStores.values;
import static org.jingzhun.core.funds.FundWriter.clip;
import static org.jingzhun.core.funds.FundWriter.ensure;
import static org.jingzhun.core.funds.FundWriter.findHousehold;
import static org.jingzhun.core.funds.FundWriter.notBefore;
import static org.jingzhun.core.funds.FundWriter.requireAmount;
import static org.jingzhun.core.funds.FundWriter.requireReason;
import static org.jingzhun.core.funds.FundWriter.requireRegion;
import static org.jingzhun.core.funds.FundWriter.throwIf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.funds.FundStores.AllocationState;
import org.jingzhun.core.funds.FundStores.LoanState;
import org.jingzhun.core.funds.FundStores.MicrocreditState;
import org.jingzhun.core.funds.FundStores.MutualAidState;
import org.jingzhun.core.funds.FundStores.ProjectState;
import org.jingzhun.core.funds.FundStores.Repayment;
import org.jingzhun.core.funds.FundStores.RiskFundState;
import org.jingzhun.core.funds.FundStores.SourceState;
import org.jingzhun.core.funds.FundWriter.Draft;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.CoreContext.Work;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.funds.AidProject;
import org.jingzhun.spi.funds.Allocation;
import org.jingzhun.spi.funds.Disbursement;
import org.jingzhun.spi.funds.EntryKind;
import org.jingzhun.spi.funds.FundSource;
import org.jingzhun.spi.funds.LedgerEntry;
import org.jingzhun.spi.funds.Money;
import org.jingzhun.spi.funds.MutualAidFund;
import org.jingzhun.spi.funds.Payee;
import org.jingzhun.spi.funds.PayeeKind;
import org.jingzhun.spi.funds.ProjectStatus;
import org.jingzhun.spi.funds.RiskCompensationFund;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.storage.StorageTransaction;

/**
 * Fund sources, projects, allocations, disbursements and reversals (资金来源、项目、分配、拨付、冲销): the part of the
 * ledger every other book writes through. See {@link FundsService} for the rules.
 */
final class FundLedger {
    private final CoreContext ctx;
    private final FundStores stores;
    private final FundWriter writer;

    FundLedger(CoreContext ctx, FundWriter writer) {
        this.ctx = ctx;
        this.stores = writer.stores;
        this.writer = writer;
    }

    FundSource addSource(Principal principal, FundSource source, String reason) {
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
        writer.requireFinance(principal, source.scope(), "register fund sources");
        return ctx.write(principal, w -> insertSource(w, source, reason));
    }

    SourceBalance source(Principal principal, String sourceId) {
        return ctx.read(tx -> {
            SourceState s = load(stores.sources, tx, sourceId, "fund source").value();
            writer.requireRead(principal, s.source().scope(), "read fund sources");
            return balance(s);
        });
    }

    List<SourceBalance> sources(Principal principal, RegionCode area, Integer year) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return ctx.read(tx -> values(stores.sources.all(tx, effective, year), FundStores::balance));
    }

    AidProject addProject(Principal principal, AidProject project, String reason) {
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
        writer.requireFinance(principal, project.region(), "register projects");
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

    AidProject updateProject(Principal principal, AidProject changed, String reason) {
        requireReason("project", reason);
        String rec = "project " + changed.id();
        throwIf(ctx.validation().validate(rec, changed));
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            Versioned<ProjectState> cur = load(stores.projects, tx, changed.id(), "project");
            ProjectState state = cur.value();
            AidProject before = state.project();
            writer.requireFinance(principal, before.region(), "amend projects");
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

    ProjectBalance project(Principal principal, String projectId) {
        return ctx.read(tx -> {
            ProjectState p = load(stores.projects, tx, projectId, "project").value();
            writer.requireRead(principal, p.project().region(), "read projects");
            return balance(p);
        });
    }

    List<ProjectBalance> projects(Principal principal, RegionCode area, Integer year) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return ctx.read(tx -> values(stores.projects.all(tx, effective, year), FundStores::balance));
    }

    LedgerEntry allocate(Principal principal, Allocation allocation, String reason) {
        requireReason("allocation", reason);
        throwIf(ctx.validation().validate("allocation", allocation));
        return ctx.write(principal, w -> allocateIn(w, allocation, reason));
    }

    List<LedgerEntry> disburse(Principal principal, Disbursement disbursement, String reason) {
        requireReason("disbursement", reason);
        throwIf(ctx.validation().validate("disbursement", disbursement));
        return ctx.write(principal, w -> disburseIn(w, disbursement, reason, null, null));
    }

    /**
     * Pays out of a project inside a write. {@code loanId} and {@code onBehalfOf} tie a payment to the lender to the
     * loan and household whose interest subsidy it is; both are null for other payments.
     */
    List<LedgerEntry> disburseIn(Work w, Disbursement disbursement, String reason, String loanId,
            String onBehalfOf) {
        StorageTransaction tx = w.tx();
        Versioned<ProjectState> prj = load(stores.projects, tx, disbursement.projectId(), "project");
        AidProject p = prj.value().project();
        writer.requireFinance(w.principal(), p.region(), "disburse funds");
        if (!p.status().paysOut()) {
            throw new WorkflowException("funds.project_status", p.id(), p.status().label(), "pay out");
        }
        Payee payee = disbursement.payee();
        String householdId = onBehalfOf != null ? onBehalfOf : checkPayee(tx, payee, p);
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
            out.add(writer.record(w, new Draft(EntryKind.DISBURSEMENT, disbursement.date(), d.getValue(), p.region())
                    .source(a.sourceId()).project(p.id()).allocation(d.getKey()).payee(payee)
                    .household(householdId).fund(fundId).loan(loanId).purpose(disbursement.purpose()), reason));
        }
        stores.projects.save(tx, ps, prj.version());
        sources.values().forEach(s -> stores.sources.save(tx, s.value(), s.version()));
        return out;
    }

    LedgerEntry reverse(Principal principal, String entryId, BigDecimal amount, LocalDate date, String reason) {
        requireReason("reversal", reason);
        Objects.requireNonNull(date, "date");
        if (amount != null) {
            requireAmount("reversal of " + entryId, "amount", amount);
        }
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            LedgerEntry original = load(stores.entries, tx, entryId, "ledger entry").value();
            writer.requireFinance(w.principal(), original.region(), "reverse ledger entries");
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
            return writer.record(w, Draft.counter(original, asked, date, purpose), reason);
        });
    }

    LedgerEntry entry(Principal principal, String entryId) {
        return ctx.read(tx -> {
            LedgerEntry e = load(stores.entries, tx, entryId, "ledger entry").value();
            writer.requireRead(principal, e.region(), "read the funds ledger");
            return e;
        });
    }

    List<LedgerEntry> entries(Principal principal, RegionCode area, Integer year) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return ctx.read(tx -> values(stores.entries.all(tx, effective, year)));
    }

    List<LedgerEntry> projectEntries(Principal principal, String projectId) {
        return ctx.read(tx -> {
            AidProject p = load(stores.projects, tx, projectId, "project").value().project();
            writer.requireRead(principal, p.region(), "read projects");
            return values(stores.entries.all(tx, p.region(), null)).stream()
                    .filter(e -> projectId.equals(e.projectId())).toList();
        });
    }

    FundSource insertSource(Work w, FundSource source, String reason) {
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

    LedgerEntry allocateIn(Work w, Allocation a, String reason) {
        StorageTransaction tx = w.tx();
        Versioned<SourceState> src = load(stores.sources, tx, a.sourceId(), "fund source");
        Versioned<ProjectState> prj = load(stores.projects, tx, a.projectId(), "project");
        FundSource s = src.value().source();
        AidProject p = prj.value().project();
        writer.requireFinance(w.principal(), s.scope(), "allocate funds");
        writer.requireFinance(w.principal(), p.region(), "allocate funds");
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
        LedgerEntry e = writer.record(w, new Draft(EntryKind.ALLOCATION, a.date(), a.amount(), p.region()).source(s.id())
                .project(p.id()).purpose(clip("分配至 " + p.name(), 200)), reason);
        stores.sources.save(tx, src.value().plus(a.amount(), Money.ZERO), src.version());
        stores.projects.save(tx, prj.value().with(e.id(), new AllocationState(s.id(), a.date(), a.amount(),
                Money.ZERO)), prj.version());
        return e;
    }

    void moveBack(Work w, LedgerEntry original, BigDecimal amount) {
        StorageTransaction tx = w.tx();
        BigDecimal minus = amount.negate();
        switch (original.kind()) {
            case ALLOCATION -> {
                Versioned<ProjectState> prj = load(stores.projects, tx, original.projectId(), "project");
                Versioned<SourceState> src = load(stores.sources, tx, original.sourceId(), "fund source");
                writer.requireFinance(w.principal(), src.value().source().scope(), "reverse allocations");
                AllocationState a = prj.value().allocations().get(original.id());
                ensure(amount, a.undisbursed(), "allocation " + original.id(), "undisbursed");
                stores.projects.save(tx, prj.value().with(original.id(), a.plus(minus, Money.ZERO)), prj.version());
                stores.sources.save(tx, src.value().plus(minus, Money.ZERO), src.version());
            }
            case DISBURSEMENT -> {
                if (original.loanId() != null) {
                    // an interest subsidy paid to the lender: the loan's record of what was paid goes down too
                    Versioned<MicrocreditState> mc = load(stores.microcredits, tx, original.loanId(), "microcredit");
                    FundStores.SubsidyPayment sp = mc.value().subsidies().get(original.id());
                    stores.microcredits.save(tx, mc.value().subsidy(original.id(),
                            new FundStores.SubsidyPayment(sp.year(), sp.amount().add(minus))), mc.version());
                }
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
                stores.mutualAid.save(tx, m.value().contributed(minus), m.version());
                MutualAidBook.onCard(w, findHousehold(tx, original.householdId()), minus, "冲销入股 " + original.id());
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

    String checkPayee(StorageTransaction tx, Payee payee, AidProject p) {
        String rec = "disbursement of project " + p.id();
        switch (payee.kind()) {
            case HOUSEHOLD -> {
                if (payee.id() == null || payee.id().isBlank()) {
                    throwIf(List.of(Violation.of(rec, "payee.id", "validation.required")));
                }
                Household h = findHousehold(tx, payee.id());
                throwIf(writer.householdProblems(rec, "payee.id", h, p.region()));
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

    List<Violation> beneficiaryProblems(StorageTransaction tx, String rec, AidProject p) {
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
                out.addAll(writer.householdProblems(rec, field, found.get(id), p.region()));
            }
        }
        return out;
    }
}

package org.jingzhun.core.funds;

import static org.jingzhun.core.funds.FundStores.balance;
import static org.jingzhun.core.funds.FundStores.load;
import static org.jingzhun.core.funds.FundStores.values;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.funds.FundStores.MicrocreditState;
import org.jingzhun.core.funds.FundStores.Repayment;
import org.jingzhun.core.funds.FundStores.RiskFundState;
import org.jingzhun.core.funds.FundWriter.Draft;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.policy.PolicyEngine;
import org.jingzhun.spi.policy.LoanRepayment;
import org.jingzhun.spi.policy.LoanSubsidy;
import org.jingzhun.spi.policy.Microloan;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.funds.Disbursement;
import org.jingzhun.spi.funds.EntryKind;
import org.jingzhun.spi.funds.InterestSubsidy;
import org.jingzhun.spi.funds.LedgerEntry;
import org.jingzhun.spi.funds.Microcredit;
import org.jingzhun.spi.funds.MicrocreditTerms;
import org.jingzhun.spi.funds.Money;
import org.jingzhun.spi.funds.Payee;
import org.jingzhun.spi.funds.RiskCompensationFund;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.storage.StorageTransaction;

/**
 * Poverty microcredit (扶贫小额信贷): risk compensation funds, loans, repayments, defaults and the interest subsidy.
 * See {@link FundsService}.
 */
final class MicrocreditBook {
    private static final String HOUSEHOLD = "household";

    private final CoreContext ctx;
    private final FundStores stores;
    private final FundWriter writer;
    private final PolicyEngine engine;
    private final FundLedger ledger;

    MicrocreditBook(CoreContext ctx, FundWriter writer, PolicyEngine engine, FundLedger ledger) {
        this.ctx = ctx;
        this.engine = engine;
        this.ledger = ledger;
        this.stores = writer.stores;
        this.writer = writer;
    }

    RiskCompensationFund addRiskFund(Principal principal, RiskCompensationFund fund, String reason) {
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
        writer.requireFinance(principal, fund.county(), "register risk compensation funds");
        return ctx.write(principal, w -> {
            requireRegion(w.tx(), rec, "county", fund.county());
            RiskCompensationFund f = fund.withId(stores.nextId(w.tx(), 'R', fund.county()));
            stores.riskFunds.save(w.tx(), new RiskFundState(f, Money.ZERO, Money.ZERO), 0);
            w.audit(FundStores.RISK_FUND, f.id(), f.county(), "register", reason, null, f);
            return f;
        });
    }

    RiskFundBalance riskFund(Principal principal, String fundId) {
        return ctx.read(tx -> {
            RiskFundState r = load(stores.riskFunds, tx, fundId, "risk compensation fund").value();
            writer.requireRead(principal, r.fund().county(), "read risk compensation funds");
            return balance(r);
        });
    }

    Microcredit issueMicrocredit(Principal principal, Microcredit loan, String reason) {
        requireReason("microcredit", reason);
        String rec = "microcredit of household " + loan.householdId();
        List<Violation> problems = new ArrayList<>(ctx.validation().validate(rec, loan));
        if (loan.id() != null) {
            problems.add(Violation.of(rec, "id", "funds.id_assigned", loan.id()));
        }
        throwIf(problems);
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            Household h = findHousehold(tx, loan.householdId());
            writer.requireFinance(w.principal(), h.region(), "issue microcredit");
            RiskCompensationFund rf = load(stores.riskFunds, tx, loan.riskFundId(), "risk compensation fund").value()
                    .fund();
            MicrocreditTerms t = rf.terms();
            List<Violation> more = new ArrayList<>(writer.householdProblems(rec, "householdId", h, rf.county()));
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
            stores.microcredits.save(tx, new MicrocreditState(issued, h.region(), Map.of(), null, Money.ZERO,
                    Map.of()), 0);
            w.audit(HOUSEHOLD, h.id(), h.region(), "issue-microcredit", reason, null, issued);
            writer.record(w, new Draft(EntryKind.MICROCREDIT_ISSUE, issued.start(), issued.principal(), h.region())
                    .fund(rf.id()).loan(issued.id()).household(h.id()).purpose(issued.purpose().label()), reason);
            return issued;
        });
    }

    LedgerEntry repayMicrocredit(Principal principal, String loanId, BigDecimal amount, LocalDate date,
            String reason) {
        requireReason("repayment", reason);
        requireAmount("repayment of " + loanId, "amount", amount);
        Objects.requireNonNull(date, "date");
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            Versioned<MicrocreditState> mc = load(stores.microcredits, tx, loanId, "microcredit");
            MicrocreditState s = mc.value();
            writer.requireFinance(w.principal(), s.region(), "record microcredit repayments");
            if (s.defaultedOn() != null) {
                throw new WorkflowException("funds.loan_defaulted", loanId, s.defaultedOn());
            }
            notBefore(date, s.loan().start(), "repayment", "microcredit " + loanId + " start");
            BigDecimal a = Money.exact(amount);
            ensure(a, s.outstanding(), "microcredit " + loanId, "outstanding");
            LedgerEntry e = writer.record(w, new Draft(EntryKind.MICROCREDIT_REPAYMENT, date, a, s.region())
                    .fund(s.loan().riskFundId()).loan(loanId).household(s.loan().householdId()).purpose("还本"),
                    reason);
            stores.microcredits.save(tx, s.repayment(e.id(), new Repayment(date, a)), mc.version());
            return e;
        });
    }

    MicrocreditBalance declareDefault(Principal principal, String loanId, LocalDate date, String reason) {
        requireReason("default", reason);
        Objects.requireNonNull(date, "date");
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            Versioned<MicrocreditState> mc = load(stores.microcredits, tx, loanId, "microcredit");
            MicrocreditState s = mc.value();
            writer.requireFinance(w.principal(), s.region(), "declare microcredit defaults");
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
                writer.record(w, new Draft(EntryKind.RISK_COMPENSATION, date, compensation, s.region())
                        .fund(rf.value().fund().id()).loan(loanId).household(s.loan().householdId())
                        .purpose("代偿 " + percent(rf.value().fund().coverageShare())
                                + " × " + outstanding.toPlainString()), reason);
            }
            return balance(after);
        });
    }

    MicrocreditBalance microcredit(Principal principal, String loanId) {
        return ctx.read(tx -> {
            MicrocreditState s = load(stores.microcredits, tx, loanId, "microcredit").value();
            writer.requireRead(principal, s.region(), "read microcredit");
            return balance(s);
        });
    }

    List<MicrocreditBalance> microcredits(Principal principal, RegionCode area) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return ctx.read(tx -> values(stores.microcredits.all(tx, effective, null), FundStores::balance));
    }

    InterestSubsidy interestSubsidy(Principal principal, String loanId, LocalDate from, LocalDate to) {
        return ctx.read(tx -> {
            MicrocreditState s = load(stores.microcredits, tx, loanId, "microcredit").value();
            writer.requireRead(principal, s.region(), "read microcredit");
            return subsidy(s, from, to);
        });
    }

    InterestSubsidy interestSubsidy(Principal principal, String loanId, int year) {
        return interestSubsidy(principal, loanId, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    /**
     * Pays a loan year's interest subsidy to the lender out of a project, as the pack in force computes it, and records
     * it on the loan and the household: the ledger entries carry the loan and household, so the household's funds and
     * its 明白卡 show what was paid beside what is due. Refused when the year was already paid or nothing is due.
     */
    List<LedgerEntry> payInterestSubsidy(Principal principal, String loanId, int year, String projectId,
            LocalDate date, String reason) {
        requireReason("interest subsidy", reason);
        Objects.requireNonNull(date, "date");
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            Versioned<MicrocreditState> mc = load(stores.microcredits, tx, loanId, "microcredit");
            MicrocreditState s = mc.value();
            writer.requireFinance(w.principal(), s.region(), "pay interest subsidies");
            if (s.subsidyPaid(year).signum() > 0) {
                throw new WorkflowException("funds.subsidy_paid", loanId, year, s.subsidyPaid(year).toPlainString());
            }
            InterestSubsidy due = subsidy(s, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
            if (due.subsidy().signum() == 0) {
                throw new WorkflowException("funds.subsidy_none", loanId, year, due.explanation().result());
            }
            RiskCompensationFund rf = load(stores.riskFunds, tx, s.loan().riskFundId(), "risk compensation fund")
                    .value().fund();
            List<LedgerEntry> paid = ledger.disburseIn(w, Disbursement.of(projectId, Payee.lender(rf.lender()),
                    due.subsidy(), date, "贷款贴息 " + year + " " + due.explanation().pack() + "/"
                            + due.explanation().rule()), reason, loanId, s.loan().householdId());
            MicrocreditState after = s;
            for (LedgerEntry e : paid) {
                after = after.subsidy(e.id(), new FundStores.SubsidyPayment(year, e.amount()));
            }
            stores.microcredits.save(tx, after, mc.version());
            return paid;
        });
    }

    /** The subsidy as the pack in force computes it: the single implementation (see {@link PolicyEngine}). */
    InterestSubsidy subsidy(MicrocreditState s, LocalDate from, LocalDate to) {
        LoanSubsidy ls = engine.interestSubsidy(s.region(), s.loan().householdId(), policyInput(s), from, to);
        return new InterestSubsidy(s.loan().id(), s.loan().householdId(), from, to, ls.days(), ls.interest(),
                ls.amount());
    }

    /** The loan as rules read it: repayments by day (net of reversals) and the day of default. */
    static Microloan policyInput(MicrocreditState s) {
        List<LoanRepayment> repaid = new ArrayList<>();
        s.repaidByDay().forEach((d, a) -> repaid.add(new LoanRepayment(d, a)));
        return s.loan().toPolicyInput(s.defaultedOn(), repaid);
    }

    /** The loans issued to a household through the ledger, as policy facts (read inside a transaction). */
    List<Microloan> loansOf(StorageTransaction tx, Household h) {
        return values(stores.microcredits.bySubject(tx, h.countyCode(), h.id())).stream()
                .map(MicrocreditBook::policyInput).toList();
    }

    static String percent(BigDecimal fraction) {
        BigDecimal p = fraction.movePointRight(2).stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString() + "%";
    }
}

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
import java.util.Objects;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.funds.FundStores.LoanState;
import org.jingzhun.core.funds.FundStores.MutualAidState;
import org.jingzhun.core.funds.FundWriter.Draft;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.CoreContext.Work;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.funds.EntryKind;
import org.jingzhun.spi.funds.LedgerEntry;
import org.jingzhun.spi.funds.Money;
import org.jingzhun.spi.funds.MutualAidFund;
import org.jingzhun.spi.funds.MutualAidLoan;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.storage.StorageTransaction;

/**
 * Village mutual-aid funds (互助资金): capital, members, loans and repayments. See {@link FundsService}. Membership
 * has one home, the household's registration card ({@code mutualAidMember}, {@code mutualAidContribution}): a
 * contribution booked here adds to the card in the same transaction, a reversal takes it back, and only a member on
 * the card may borrow. The fund keeps only its total member capital.
 */
final class MutualAidBook {
    private final CoreContext ctx;
    private final FundStores stores;
    private final FundWriter writer;

    MutualAidBook(CoreContext ctx, FundWriter writer) {
        this.ctx = ctx;
        this.stores = writer.stores;
        this.writer = writer;
    }

    MutualAidFund addMutualAidFund(Principal principal, MutualAidFund fund, String reason) {
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
        writer.requireFinance(principal, fund.village(), "register mutual-aid funds");
        return ctx.write(principal, w -> {
            requireRegion(w.tx(), rec, "village", fund.village());
            MutualAidFund f = fund.withId(stores.nextId(w.tx(), 'M', fund.village()));
            stores.mutualAid.save(w.tx(), new MutualAidState(f, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO), 0);
            w.audit(FundStores.MUTUAL_AID, f.id(), f.village(), "register", reason, null, f);
            return f;
        });
    }

    LedgerEntry contribute(Principal principal, String fundId, String householdId, BigDecimal amount,
            LocalDate date, String reason) {
        requireReason("contribution", reason);
        requireAmount("contribution to " + fundId, "amount", amount);
        Objects.requireNonNull(date, "date");
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            Versioned<MutualAidState> m = load(stores.mutualAid, tx, fundId, "mutual-aid fund");
            MutualAidFund f = m.value().fund();
            writer.requireFinance(w.principal(), f.village(), "manage mutual-aid funds");
            Household h = findHousehold(tx, householdId);
            throwIf(writer.householdProblems("contribution to " + fundId, "householdId", h, f.village()));
            notBefore(date, f.establishedOn(), "contribution", "mutual-aid fund " + fundId + " established");
            BigDecimal a = Money.exact(amount);
            stores.mutualAid.save(tx, m.value().contributed(a), m.version());
            onCard(w, h, a, reason);
            return writer.record(w, new Draft(EntryKind.MUTUAL_AID_CONTRIBUTION, date, a, f.village()).fund(fundId)
                    .household(householdId).purpose("入股"), reason);
        });
    }

    MutualAidLoan lend(Principal principal, MutualAidLoan loan, String reason) {
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
            writer.requireFinance(w.principal(), f.village(), "manage mutual-aid funds");
            Household h = findHousehold(tx, loan.householdId());
            List<Violation> more = new ArrayList<>(writer.householdProblems(rec, "householdId", h, f.village()));
            if (!h.mutualAidMember()) {
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
            writer.record(w, new Draft(EntryKind.MUTUAL_AID_LOAN, issued.date(), issued.amount(), f.village()).fund(f.id())
                    .loan(issued.id()).household(h.id()).purpose(issued.purpose().label()), reason);
            return issued;
        });
    }

    List<LedgerEntry> repayMutualAid(Principal principal, String loanId, BigDecimal principalPart,
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
            writer.requireFinance(w.principal(), village, "manage mutual-aid funds");
            notBefore(date, l.value().loan().date(), "repayment", "mutual-aid loan " + loanId);
            ensure(p, l.value().outstanding(), "mutual-aid loan " + loanId, "outstanding");
            stores.loans.save(tx, l.value().plus(Money.ZERO, p, f), l.version());
            stores.mutualAid.save(tx, m.value().plus(Money.ZERO, f, p.negate()), m.version());
            List<LedgerEntry> out = new ArrayList<>();
            String hid = l.value().loan().householdId();
            if (p.signum() > 0) {
                out.add(writer.record(w, new Draft(EntryKind.MUTUAL_AID_REPAYMENT, date, p, village)
                        .fund(m.value().fund().id()).loan(loanId).household(hid).purpose("还本"), reason));
            }
            if (f.signum() > 0) {
                out.add(writer.record(w, new Draft(EntryKind.MUTUAL_AID_FEE, date, f, village).fund(m.value().fund().id())
                        .loan(loanId).household(hid).purpose("占用费"), reason));
            }
            return out;
        });
    }

    MutualAidBalance mutualAidFund(Principal principal, String fundId) {
        return ctx.read(tx -> {
            MutualAidState m = load(stores.mutualAid, tx, fundId, "mutual-aid fund").value();
            writer.requireRead(principal, m.fund().village(), "read mutual-aid funds");
            return balance(m);
        });
    }

    List<MutualAidBalance> mutualAidFunds(Principal principal, RegionCode area) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return ctx.read(tx -> values(stores.mutualAid.all(tx, effective, null), FundStores::balance));
    }

    MutualAidLoanBalance mutualAidLoan(Principal principal, String loanId) {
        return ctx.read(tx -> {
            LoanState l = load(stores.loans, tx, loanId, "mutual-aid loan").value();
            writer.requireRead(principal, l.village(), "read mutual-aid funds");
            return balance(l);
        });
    }

    List<MutualAidLoanBalance> mutualAidLoans(Principal principal, String fundId) {
        return ctx.read(tx -> {
            MutualAidFund f = load(stores.mutualAid, tx, fundId, "mutual-aid fund").value().fund();
            writer.requireRead(principal, f.village(), "read mutual-aid funds");
            return values(stores.loans.all(tx, f.village(), null)).stream()
                    .filter(l -> l.loan().fundId().equals(fundId)).map(FundStores::balance).toList();
        });
    }

    /** Adds {@code delta} (negative for a reversal) to the household's card contribution, audited on the household. */
    static void onCard(Work w, Household h, BigDecimal delta, String reason) {
        BigDecimal total = (h.mutualAidContribution() == null ? Money.ZERO : h.mutualAidContribution()).add(delta);
        Household after = h.toBuilder().mutualAid(total.signum() > 0, total.max(Money.ZERO)).build();
        Household stored = w.tx().households().update(after);
        w.audit("household", h.id(), h.region(), "mutual-aid-contribution", reason, h, stored);
    }
}

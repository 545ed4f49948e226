package org.jingzhun.core.funds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.internal.DocumentStore;
import org.jingzhun.core.internal.IdSequence;
import org.jingzhun.core.internal.JsonCodec;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.funds.AidProject;
import org.jingzhun.spi.funds.FundSource;
import org.jingzhun.spi.funds.LedgerEntry;
import org.jingzhun.spi.funds.Microcredit;
import org.jingzhun.spi.funds.Money;
import org.jingzhun.spi.funds.MutualAidFund;
import org.jingzhun.spi.funds.MutualAidLoan;
import org.jingzhun.spi.funds.ProjectClaim;
import org.jingzhun.spi.funds.RiskCompensationFund;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.StorageTransaction;

/**
 * The documents of the funds capability: one versioned account per source, project, mutual-aid fund and loan, risk
 * fund, microcredit and claim, holding its running balances, and the append-only ledger entries. Every movement saves
 * the accounts it touches at the version it read them (so two clerks spending the same balance at once meet the
 * optimistic lock instead of overspending) and appends its entry; the balances of the accounts always equal the sums
 * of the entries, which the ledger properties check.
 */
final class FundStores {
    static final String SOURCE = "fund-source";
    static final String PROJECT = "aid-project";
    static final String ENTRY = "fund-entry";
    static final String MUTUAL_AID = "mutual-aid-fund";
    static final String MUTUAL_AID_LOAN = "mutual-aid-loan";
    static final String RISK_FUND = "risk-fund";
    static final String MICROCREDIT = "microcredit";
    static final String CLAIM = "project-claim";

    // ---------------------------------------------------------------- stored account states

    /** A fund source and how much of it is allocated (net of reversals) and disbursed through its allocations. */
    record SourceState(FundSource source, BigDecimal allocated, BigDecimal disbursed) {
        BigDecimal unallocated() {
            return source.amount().subtract(allocated);
        }

        SourceState plus(BigDecimal allocatedDelta, BigDecimal disbursedDelta) {
            return new SourceState(source, allocated.add(allocatedDelta), disbursed.add(disbursedDelta));
        }
    }

    /** One allocation into a project: its source, day, net amount and how much of it is disbursed. */
    record AllocationState(String sourceId, LocalDate date, BigDecimal allocated, BigDecimal disbursed) {
        BigDecimal undisbursed() {
            return allocated.subtract(disbursed);
        }

        AllocationState plus(BigDecimal allocatedDelta, BigDecimal disbursedDelta) {
            return new AllocationState(sourceId, date, allocated.add(allocatedDelta), disbursed.add(disbursedDelta));
        }
    }

    /** A project, the amount claimed by donors, and its allocations by allocation (entry) id. */
    record ProjectState(AidProject project, BigDecimal claimed, Map<String, AllocationState> allocations) {
        ProjectState {
            allocations = Collections.unmodifiableSortedMap(new TreeMap<>(allocations == null ? Map.of()
                    : allocations));
        }

        BigDecimal allocated() {
            return allocations.values().stream().map(AllocationState::allocated).reduce(Money.ZERO, BigDecimal::add);
        }

        BigDecimal disbursed() {
            return allocations.values().stream().map(AllocationState::disbursed).reduce(Money.ZERO, BigDecimal::add);
        }

        BigDecimal unfunded() {
            return project.budget().subtract(allocated());
        }

        ProjectState with(String allocationId, AllocationState state) {
            Map<String, AllocationState> next = new TreeMap<>(allocations);
            next.put(allocationId, state);
            return new ProjectState(project, claimed, next);
        }

        ProjectState withProject(AidProject p) {
            return new ProjectState(p, claimed, allocations);
        }

        ProjectState withClaimed(BigDecimal c) {
            return new ProjectState(project, c, allocations);
        }
    }

    /**
     * A mutual-aid fund's capital (fiscal, members' contributions, fee income) and loans outstanding. Which households
     * are members, and with how much, is on their registration cards (the one home of membership).
     */
    record MutualAidState(MutualAidFund fund, BigDecimal fiscalCapital, BigDecimal feeIncome,
            BigDecimal outstanding, BigDecimal memberCapital) {
        MutualAidState {
            memberCapital = memberCapital == null ? Money.ZERO : memberCapital;
        }

        BigDecimal capital() {
            return fiscalCapital.add(memberCapital).add(feeIncome);
        }

        BigDecimal available() {
            return capital().subtract(outstanding);
        }

        MutualAidState plus(BigDecimal fiscalDelta, BigDecimal feeDelta, BigDecimal outstandingDelta) {
            return new MutualAidState(fund, fiscalCapital.add(fiscalDelta), feeIncome.add(feeDelta),
                    outstanding.add(outstandingDelta), memberCapital);
        }

        MutualAidState contributed(BigDecimal delta) {
            return new MutualAidState(fund, fiscalCapital, feeIncome, outstanding, memberCapital.add(delta));
        }
    }

    /** A mutual-aid loan and how much of it was cancelled, repaid and paid in fees. */
    record LoanState(MutualAidLoan loan, RegionCode village, BigDecimal cancelled, BigDecimal repaid,
            BigDecimal fees) {
        BigDecimal outstanding() {
            return loan.amount().subtract(cancelled).subtract(repaid);
        }

        LoanState plus(BigDecimal cancelledDelta, BigDecimal repaidDelta, BigDecimal feesDelta) {
            return new LoanState(loan, village, cancelled.add(cancelledDelta), repaid.add(repaidDelta),
                    fees.add(feesDelta));
        }
    }

    /** A risk compensation fund's deposits and payouts. */
    record RiskFundState(RiskCompensationFund fund, BigDecimal deposited, BigDecimal paidOut) {
        BigDecimal balance() {
            return deposited.subtract(paidOut);
        }

        RiskFundState plus(BigDecimal depositedDelta, BigDecimal paidOutDelta) {
            return new RiskFundState(fund, deposited.add(depositedDelta), paidOut.add(paidOutDelta));
        }
    }

    /** The interest subsidy of a loan year paid to the lender by one ledger entry, net of its reversals. */
    record SubsidyPayment(int year, BigDecimal amount) {
    }

    /** A repayment of microcredit principal, net of its reversals. */
    record Repayment(LocalDate date, BigDecimal amount) {
    }

    /** A microcredit loan, its repayments by entry id, its default and the compensation paid for it. */
    record MicrocreditState(Microcredit loan, RegionCode region, Map<String, Repayment> repayments,
            LocalDate defaultedOn, BigDecimal compensated, Map<String, SubsidyPayment> subsidies) {
        MicrocreditState {
            repayments = Collections.unmodifiableSortedMap(new TreeMap<>(repayments == null ? Map.of()
                    : repayments));
            subsidies = Collections.unmodifiableSortedMap(new TreeMap<>(subsidies == null ? Map.of() : subsidies));
        }

        /** The interest subsidy paid to the lender for the loan's {@code year}, net of reversals. */
        BigDecimal subsidyPaid(int year) {
            return subsidies.values().stream().filter(p -> p.year() == year).map(SubsidyPayment::amount)
                    .reduce(Money.ZERO, BigDecimal::add);
        }

        MicrocreditState subsidy(String entryId, SubsidyPayment p) {
            Map<String, SubsidyPayment> next = new TreeMap<>(subsidies);
            next.put(entryId, p);
            return new MicrocreditState(loan, region, repayments, defaultedOn, compensated, next);
        }

        BigDecimal repaid() {
            return repayments.values().stream().map(Repayment::amount).reduce(Money.ZERO, BigDecimal::add);
        }

        BigDecimal outstanding() {
            return loan.principal().subtract(repaid());
        }

        /** Principal repaid by day, for the subsidy. */
        Map<LocalDate, BigDecimal> repaidByDay() {
            Map<LocalDate, BigDecimal> out = new TreeMap<>();
            repayments.values().forEach(r -> out.merge(r.date(), r.amount(), BigDecimal::add));
            out.values().removeIf(v -> v.signum() == 0);
            return out;
        }

        MicrocreditState repayment(String entryId, Repayment r) {
            Map<String, Repayment> next = new TreeMap<>(repayments);
            next.put(entryId, r);
            return new MicrocreditState(loan, region, next, defaultedOn, compensated, subsidies);
        }

        MicrocreditState defaulted(LocalDate on, BigDecimal compensation) {
            return new MicrocreditState(loan, region, repayments, on, compensation, subsidies);
        }
    }

    /** A donor's claim of a project and how much money arrived against it. */
    record ClaimState(ProjectClaim claim, RegionCode region, BigDecimal received) {
        BigDecimal unreceived() {
            return claim.amount().subtract(received);
        }
    }

    // ---------------------------------------------------------------- stores

    final DocumentStore<SourceState> sources;
    final DocumentStore<ProjectState> projects;
    final DocumentStore<LedgerEntry> entries;
    final DocumentStore<MutualAidState> mutualAid;
    final DocumentStore<LoanState> loans;
    final DocumentStore<RiskFundState> riskFunds;
    final DocumentStore<MicrocreditState> microcredits;
    final DocumentStore<ClaimState> claims;
    private final IdSequence ids = new IdSequence();

    FundStores(JsonCodec json) {
        sources = new DocumentStore<>(SOURCE, SourceState.class, json, s -> s.source().id(),
                s -> s.source().scope(), s -> s.source().year());
        projects = new DocumentStore<>(PROJECT, ProjectState.class, json, p -> p.project().id(),
                p -> p.project().region(), p -> p.project().year());
        entries = new DocumentStore<>(ENTRY, LedgerEntry.class, json, LedgerEntry::id, LedgerEntry::region,
                e -> e.date().getYear()).withSubject(FundStores::subjectOf);
        mutualAid = new DocumentStore<>(MUTUAL_AID, MutualAidState.class, json, m -> m.fund().id(),
                m -> m.fund().village(), m -> null);
        loans = new DocumentStore<>(MUTUAL_AID_LOAN, LoanState.class, json, l -> l.loan().id(), LoanState::village,
                l -> null).withSubject(l -> l.loan().householdId());
        riskFunds = new DocumentStore<>(RISK_FUND, RiskFundState.class, json, r -> r.fund().id(),
                r -> r.fund().county(), r -> null);
        microcredits = new DocumentStore<>(MICROCREDIT, MicrocreditState.class, json, m -> m.loan().id(),
                MicrocreditState::region, m -> null).withSubject(m -> m.loan().householdId());
        claims = new DocumentStore<>(CLAIM, ClaimState.class, json, c -> c.claim().id(), ClaimState::region,
                c -> null).withSubject(c -> c.claim().projectId());
    }

    /**
     * Entries are indexed by the household they concern, so a household's money is found without a scan; a
     * counter-entry of an entry without household is indexed by the entry it counters, so what was already reversed
     * is found the same way.
     */
    static String subjectOf(LedgerEntry e) {
        return e.householdId() != null ? e.householdId() : e.reverses();
    }

    /** A readable id {@code <county>-<letter><sequence>}, from its own per-county sequence. */
    String nextId(StorageTransaction tx, char letter, RegionCode region) {
        String seq = ids.next(tx, "funds-" + letter, region);
        return seq.substring(0, 7) + letter + seq.substring(7);
    }

    static String countyOf(String id) {
        return id != null && id.length() >= 6 ? id.substring(0, 6) : "000000";
    }

    static <T> Versioned<T> load(DocumentStore<T> store, StorageTransaction tx, String id, String what) {
        if (id == null) {
            throw new NotFoundException("funds.not_found", what, "(none)");
        }
        return store.find(tx, countyOf(id), id).orElseThrow(() -> new NotFoundException("funds.not_found", what, id));
    }

    /** The counter-entries already recorded against {@code original}. */
    List<LedgerEntry> reversalsOf(StorageTransaction tx, LedgerEntry original) {
        String subject = original.householdId() != null ? original.householdId() : original.id();
        return entries.bySubject(tx, countyOf(original.id()), subject).stream().map(Versioned::value)
                .filter(e -> original.id().equals(e.reverses())).toList();
    }

    static <T> List<T> values(List<Versioned<T>> vs) {
        return vs.stream().map(Versioned::value).toList();
    }

    static <T, R> List<R> values(List<Versioned<T>> vs, Function<T, R> f) {
        return vs.stream().map(Versioned::value).map(f).toList();
    }

    // ---------------------------------------------------------------- public views of the states

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
                m.outstanding(), m.available());
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

package org.jingzhun.core.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingzhun.core.funds.FundsFixtures.COUNTY;
import static org.jingzhun.core.funds.FundsFixtures.DAY;
import static org.jingzhun.core.funds.FundsFixtures.OFFICER;
import static org.jingzhun.core.funds.FundsFixtures.TOWN_A;
import static org.jingzhun.core.funds.FundsFixtures.VILLAGE_A1;
import static org.jingzhun.core.funds.FundsFixtures.VILLAGE_A2;
import static org.jingzhun.core.funds.FundsFixtures.VILLAGE_B1;
import static org.jingzhun.core.funds.FundsFixtures.project;
import static org.jingzhun.core.funds.FundsFixtures.source;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.audit.AuditQuery;
import org.jingzhun.spi.error.InsufficientFundsException;
import org.jingzhun.spi.error.JingzhunException;
import org.jingzhun.spi.funds.AidProject;
import org.jingzhun.spi.funds.Allocation;
import org.jingzhun.spi.funds.Disbursement;
import org.jingzhun.spi.funds.EntryKind;
import org.jingzhun.spi.funds.FundSource;
import org.jingzhun.spi.funds.FundSourceKind;
import org.jingzhun.spi.funds.LedgerEntry;
import org.jingzhun.spi.funds.LoanPurpose;
import org.jingzhun.spi.funds.Microcredit;
import org.jingzhun.spi.funds.Money;
import org.jingzhun.spi.funds.MutualAidFund;
import org.jingzhun.spi.funds.MutualAidLoan;
import org.jingzhun.spi.funds.Payee;
import org.jingzhun.spi.funds.PayeeKind;
import org.jingzhun.spi.funds.ProjectCategory;
import org.jingzhun.spi.funds.RiskCompensationFund;
import org.jingzhun.spi.household.Household;

/**
 * The ledger invariant under random sequences of allocations, disbursements, reversals, contributions, loans,
 * repayments, microcredit and defaults with random amounts: no balance is ever negative, every account's balances
 * equal the sums of its ledger entries (source amount = unallocated + allocations net of reversals; allocation =
 * undisbursed + disbursed; and the same for funds and loans), a refused operation leaves ledger, balances and audit
 * log exactly as they were, and the overspend checks accept exactly what the balances allow.
 */
class LedgerProperties {
    /** Reads the audit log masked, so that counting entries adds none (an unmasked read is itself audited). */
    private static final org.jingzhun.spi.access.Principal AUDITOR = new org.jingzhun.spi.access.Principal("auditor",
            "审计员", org.jingzhun.spi.region.RegionCode.of("341702"),
            java.util.EnumSet.of(org.jingzhun.spi.access.Permission.AUDIT));

    sealed interface Op permits Allocate, Disburse, Reverse, Contribute, Lend, Repay, Issue, RepayCredit, Default {
    }

    /**
     * An amount: a fixed number of yuan, or a share (in percent) of the balance the operation draws on, so that
     * sequences often land exactly on, just below and just above what is available.
     */
    record Amount(BigDecimal fixed, int percent) {
        BigDecimal of(BigDecimal available) {
            if (fixed != null) {
                return fixed;
            }
            BigDecimal v = available.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2,
                    RoundingMode.DOWN);
            return v.signum() > 0 ? v : new BigDecimal("0.01");
        }

        @Override
        public String toString() {
            return fixed != null ? fixed.toPlainString() : percent + "%";
        }
    }

    record Allocate(int source, int project, Amount amount) implements Op {
    }

    /** {@code allocation} < 0 draws oldest first; otherwise an index into the project's allocations. */
    record Disburse(int project, int payee, int allocation, Amount amount) implements Op {
    }

    /** {@code amount} null reverses all that is left. */
    record Reverse(int entry, Amount amount) implements Op {
    }

    record Contribute(int household, Amount amount) implements Op {
    }

    record Lend(int household, Amount amount) implements Op {
    }

    record Repay(int loan, Amount principal, Amount fee) implements Op {
    }

    record Issue(int household, Amount amount) implements Op {
    }

    record RepayCredit(int credit, Amount amount) implements Op {
    }

    record Default(int credit) implements Op {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<BigDecimal> small = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("3000"))
                .ofScale(2);
        Arbitrary<BigDecimal> large = Arbitraries.integers().between(1000, 70000).map(i -> BigDecimal.valueOf(i)
                .setScale(2));
        Arbitrary<Integer> percent = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(100)),
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(1, 99)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(101, 130)));
        Arbitrary<Amount> amount = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, small.map(v -> new Amount(v, 0))),
                net.jqwik.api.Tuple.of(2, large.map(v -> new Amount(v, 0))),
                net.jqwik.api.Tuple.of(5, percent.map(p -> new Amount(null, p))));
        Arbitrary<Amount> fixedSmall = small.map(v -> new Amount(v, 0));
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 1000);
        Arbitrary<Op> allocate = Combinators.combine(any, any, amount).as(Allocate::new);
        Arbitrary<Op> disburse = Combinators.combine(any, any, Arbitraries.integers().between(-12, 12), amount)
                .as(Disburse::new);
        Arbitrary<Op> reverse = Combinators.combine(any, amount.injectNull(0.4)).as(Reverse::new);
        Arbitrary<Op> contribute = Combinators.combine(any, fixedSmall).as(Contribute::new);
        Arbitrary<Op> lend = Combinators.combine(any, amount).as(Lend::new);
        Arbitrary<Op> repay = Combinators.combine(any, amount, fixedSmall.injectNull(0.6)).as(Repay::new);
        Arbitrary<Op> issue = Combinators.combine(any, Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 5000)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(5001, 50000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(50001, 60000)))
                .map(i -> new Amount(BigDecimal.valueOf(i), 0))).as(Issue::new);
        Arbitrary<Op> repayCredit = Combinators.combine(any, amount).as(RepayCredit::new);
        Arbitrary<Op> fail = any.map(Default::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, allocate), net.jqwik.api.Tuple.of(8, disburse),
                net.jqwik.api.Tuple.of(5, reverse), net.jqwik.api.Tuple.of(4, contribute),
                net.jqwik.api.Tuple.of(4, lend), net.jqwik.api.Tuple.of(3, repay), net.jqwik.api.Tuple.of(2, issue),
                net.jqwik.api.Tuple.of(2, repayCredit), net.jqwik.api.Tuple.of(2, fail)).list().ofMinSize(5)
                .ofMaxSize(50);
    }

    @Property(tries = 100)
    void theLedgerNeverOverspendsAndAlwaysReconciles(@ForAll("operations") List<Op> ops, @ForAll boolean seeded) {
        try (Jingzhun jz = FundsFixtures.newJingzhun()) {
            World world = new World(jz);
            if (seeded) {
                world.seed();
            }
            world.check(world.snapshot());
            for (Op op : ops) {
                world.apply(op);
            }
        }
    }

    /** The district, its accounts, and what the operations created. */
    static final class World {
        final Jingzhun jz;
        final FundsService funds;
        final List<Household> households = new ArrayList<>();
        final List<FundSource> sources = new ArrayList<>();
        final List<AidProject> projects = new ArrayList<>();
        final List<Payee> payees = new ArrayList<>();
        final List<String> allocations = new ArrayList<>();
        final List<String> loans = new ArrayList<>();
        final List<String> credits = new ArrayList<>();
        final MutualAidFund mutualAid;
        final RiskCompensationFund risk;

        World(Jingzhun jz) {
            this.jz = jz;
            this.funds = jz.funds();
            households.add(FundsFixtures.register(jz, VILLAGE_A1, 1, 2, "19700101"));
            households.add(FundsFixtures.register(jz, VILLAGE_A1, 10, 1, "19750505"));
            households.add(FundsFixtures.register(jz, VILLAGE_A1, 20, 1, "19800808"));
            households.add(FundsFixtures.register(jz, VILLAGE_A2, 30, 1, "19600606"));
            households.add(FundsFixtures.register(jz, VILLAGE_B1, 40, 1, "19400404")); // too old to borrow
            sources.add(funds.addSource(OFFICER, source(FundSourceKind.COUNTY_FISCAL, "县级专项", "100000", COUNTY),
                    "setup"));
            sources.add(funds.addSource(OFFICER, source(FundSourceKind.UNIT_PAIRING, "帮扶单位", "40000", TOWN_A),
                    "setup"));
            projects.add(funds.addProject(OFFICER, project(VILLAGE_A1, "村项目", ProjectCategory.INDUSTRY, "80000",
                    List.of()), "setup"));
            projects.add(funds.addProject(OFFICER, project(TOWN_A, "镇项目", ProjectCategory.INFRASTRUCTURE, "50000",
                    List.of()), "setup"));
            projects.add(funds.addProject(OFFICER, project(VILLAGE_B1, "外村项目", ProjectCategory.HOUSING, "30000",
                    List.of()), "setup"));
            projects.add(funds.addProject(OFFICER, project(COUNTY, "金融扶贫", ProjectCategory.FINANCE, "60000",
                    List.of()), "setup"));
            mutualAid = funds.addMutualAidFund(OFFICER, new MutualAidFund(null, VILLAGE_A1, "互助协会",
                    LocalDate.of(2016, 1, 1), null, 24), "setup");
            risk = funds.addRiskFund(OFFICER, FundsFixtures.riskFund("0.80"), "setup");
            payees.add(Payee.household(households.get(0).id()));
            payees.add(Payee.household(households.get(3).id()));
            payees.add(Payee.mutualAidFund(mutualAid.id()));
            payees.add(Payee.riskFund(risk.id()));
            payees.add(Payee.supplier("S1", "施工队"));
        }

        /** Money already in the risk fund and the mutual-aid fund, so that defaults and loans often go through. */
        void seed() {
            funds.allocate(OFFICER, new Allocation(sources.get(0).id(), projects.get(3).id(), new BigDecimal("60000"),
                    DAY), "seed");
            funds.disburse(OFFICER, Disbursement.of(projects.get(3).id(), payees.get(3), new BigDecimal("30000"), DAY,
                    "存入风险补偿金"), "seed");
            funds.allocate(OFFICER, new Allocation(sources.get(0).id(), projects.get(0).id(), new BigDecimal("20000"),
                    DAY), "seed");
            funds.disburse(OFFICER, Disbursement.of(projects.get(0).id(), payees.get(2), new BigDecimal("10000"), DAY,
                    "互助资金注资"), "seed");
            funds.contribute(OFFICER, mutualAid.id(), households.get(0).id(), new BigDecimal("500"), DAY, "seed");
            check(snapshot());
        }

        void apply(Op op) {
            Snapshot before = snapshot();
            Step step = plan(op, before);
            if (step == null) {
                return; // nothing to act on yet
            }
            JingzhunException refusal = null;
            try {
                step.action().run();
            } catch (JingzhunException e) {
                refusal = e;
            }
            Snapshot after = snapshot();
            Statistics.label("outcome").collect(op.getClass().getSimpleName() + (refusal == null ? " ok" : " refused"));
            if (refusal != null) {
                assertThat(after).as("refused %s (%s) must change nothing", step, refusal.getMessage())
                        .isEqualTo(before);
            }
            if (refusal != null) {
                Statistics.label("refusal").collect(op.getClass().getSimpleName() + " " + refusal.code()
                        + (refusal instanceof InsufficientFundsException i ? " " + i.field() : ""));
            }
            if (refusal instanceof InsufficientFundsException e) {
                assertThat(e.asked()).as("%s: asked above available", e.getMessage()).isGreaterThan(e.available());
                assertThat(e.code()).isEqualTo("funds.overspend");
            }
            if (step.expected() != null) {
                assertThat(refusal == null).as("%s accepted (refusal: %s)", step, refusal == null ? null
                        : refusal.getMessage()).isEqualTo(step.expected());
            }
            check(after);
        }

        /** An operation made concrete against the balances before it, with the outcome the balances predict. */
        record Step(String description, Boolean expected, Runnable action) {
            @Override
            public String toString() {
                return description;
            }
        }

        private Step plan(Op op, Snapshot s) {
            if (op instanceof Allocate a) {
                FundSource src = sources.get(a.source() % sources.size());
                AidProject p = projects.get(a.project() % projects.size());
                BigDecimal unallocated = s.source(src.id()).unallocated();
                BigDecimal unfunded = s.project(p.id()).unfunded();
                BigDecimal amount = a.amount().of(unallocated.min(unfunded));
                boolean ok = src.scope().contains(p.region()) && amount.compareTo(unallocated) <= 0
                        && amount.compareTo(unfunded) <= 0;
                return new Step("allocate " + amount + " of " + src.id() + " to " + p.id(), ok, () -> allocations.add(
                        funds.allocate(OFFICER, new Allocation(src.id(), p.id(), amount, DAY), "allocate").id()));
            }
            if (op instanceof Disburse d) {
                // mostly pay out of a project that has money, sometimes out of any
                List<AidProject> funded = projects.stream()
                        .filter(x -> s.project(x.id()).undisbursed().signum() > 0).toList();
                List<AidProject> pool = funded.isEmpty() || d.project() % 5 == 0 ? projects : funded;
                AidProject p = pool.get(d.project() % pool.size());
                Payee payee = payees.get(d.payee() % payees.size());
                ProjectBalance pb = s.project(p.id());
                BigDecimal available = pb.undisbursed();
                String allocation = null;
                if (d.allocation() >= 0 && !pb.allocations().isEmpty()) {
                    AllocationBalance a = pb.allocations().get(d.allocation() % pb.allocations().size());
                    available = a.undisbursed();
                    allocation = a.allocationId();
                }
                BigDecimal amount = d.amount().of(available);
                String from = allocation;
                return new Step("disburse " + amount + " of " + p.id() + "/" + from + " to " + payee,
                        payeeInside(payee, p) && amount.compareTo(available) <= 0,
                        () -> funds.disburse(OFFICER, new Disbursement(p.id(), from, payee, amount, DAY, "支出"),
                                "disburse"));
            }
            if (op instanceof Reverse r) {
                if (s.entries().isEmpty()) {
                    return null;
                }
                LedgerEntry e = s.entries().get(r.entry() % s.entries().size());
                BigDecimal amount = r.amount() == null ? null : r.amount().of(e.amount());
                return new Step("reverse " + amount + " of " + e, null,
                        () -> funds.reverse(OFFICER, e.id(), amount, DAY.plusMonths(4), "reverse"));
            }
            if (op instanceof Contribute c) {
                Household h = households.get(c.household() % households.size());
                BigDecimal amount = c.amount().of(BigDecimal.ZERO);
                return new Step("contribute " + amount + " by " + h.id(), VILLAGE_A1.contains(h.region()),
                        () -> funds.contribute(OFFICER, mutualAid.id(), h.id(), amount, DAY, "入股"));
            }
            if (op instanceof Lend l) {
                // mostly lend to a member, sometimes to anyone
                List<Household> members = households.stream()
                        .filter(x -> s.cards().containsKey(x.id())).toList();
                List<Household> pool = members.isEmpty() || l.household() % 5 == 0 ? households : members;
                Household h = pool.get(l.household() % pool.size());
                BigDecimal amount = l.amount().of(s.fund().available());
                return new Step("lend " + amount + " to " + h.id(), s.cards().containsKey(h.id())
                        && amount.compareTo(s.fund().available()) <= 0, () -> loans.add(funds.lend(OFFICER,
                                MutualAidLoan.of(mutualAid.id(), h.id(), amount, DAY, 12, LoanPurpose.BREEDING),
                                "lend").id()));
            }
            if (op instanceof Repay r) {
                if (loans.isEmpty()) {
                    return null;
                }
                String loan = loans.get(r.loan() % loans.size());
                BigDecimal outstanding = s.loans().stream().filter(l -> l.loan().id().equals(loan)).findFirst()
                        .orElseThrow().outstanding();
                BigDecimal principal = r.principal().of(outstanding);
                BigDecimal fee = r.fee() == null ? null : r.fee().of(BigDecimal.ZERO);
                return new Step("repay " + principal + " + fee " + fee + " of " + loan,
                        principal.compareTo(outstanding) <= 0, () -> funds.repayMutualAid(OFFICER, loan, principal,
                                fee, DAY.plusMonths(1), "repay"));
            }
            if (op instanceof Issue i) {
                Household h = households.get(i.household() % households.size());
                BigDecimal amount = i.amount().of(BigDecimal.ZERO);
                boolean ok = amount.compareTo(new BigDecimal("50000")) <= 0 && h != households.get(4);
                return new Step("issue " + amount + " to " + h.id(), ok, () -> credits.add(funds.issueMicrocredit(
                        OFFICER, Microcredit.of(h.id(), h.members().get(0).citizenId(), risk.id(), amount,
                                new BigDecimal("0.0475"), DAY, 36, LoanPurpose.PLANTING), "issue").id()));
            }
            if (op instanceof RepayCredit r) {
                if (credits.isEmpty()) {
                    return null;
                }
                MicrocreditBalance c = s.credit(credits.get(r.credit() % credits.size()));
                BigDecimal amount = r.amount().of(c.outstanding());
                return new Step("repay " + amount + " of " + c.loan().id(), !c.defaulted()
                        && amount.compareTo(c.outstanding()) <= 0, () -> funds.repayMicrocredit(OFFICER,
                                c.loan().id(), amount, DAY.plusMonths(2), "repay"));
            }
            if (op instanceof Default d) {
                if (credits.isEmpty()) {
                    return null;
                }
                MicrocreditBalance c = s.credit(credits.get(d.credit() % credits.size()));
                BigDecimal compensation = c.outstanding().multiply(new BigDecimal("0.80"))
                        .setScale(2, RoundingMode.HALF_UP);
                return new Step("default of " + c.loan().id() + " compensating " + compensation, !c.defaulted()
                        && c.outstanding().signum() > 0 && compensation.compareTo(s.risk().balance()) <= 0,
                        () -> funds.declareDefault(OFFICER, c.loan().id(), DAY.plusMonths(3), "overdue"));
            }
            throw new IllegalArgumentException(String.valueOf(op));
        }

        private boolean payeeInside(Payee payee, AidProject p) {
            return switch (payee.kind()) {
                case HOUSEHOLD -> p.region().contains(households.stream().filter(h -> h.id().equals(payee.id()))
                        .findFirst().orElseThrow().region());
                case MUTUAL_AID_FUND -> p.region().contains(mutualAid.village());
                case RISK_FUND -> risk.county().contains(p.region());
                default -> true;
            };
        }

        Snapshot snapshot() {
            return new Snapshot(funds.sources(OFFICER, COUNTY, null), funds.projects(OFFICER, COUNTY, null),
                    funds.mutualAidFund(OFFICER, mutualAid.id()), funds.mutualAidLoans(OFFICER, mutualAid.id()),
                    funds.riskFund(OFFICER, risk.id()), funds.microcredits(OFFICER, COUNTY),
                    funds.entries(OFFICER, COUNTY, null), jz.audit().entries(AUDITOR, AuditQuery.county("341702", 1))
                            .items().stream().mapToLong(AuditEntry::sequence).findFirst().orElse(0), cards());
        }

        /** Each household's mutual-aid contribution as its card says (read masked, so no read is recorded). */
        java.util.Map<String, BigDecimal> cards() {
            java.util.Map<String, BigDecimal> out = new java.util.TreeMap<>();
            org.jingzhun.spi.access.Principal viewer = org.jingzhun.spi.access.Principal.viewer("viewer", COUNTY);
            households.forEach(h -> jz.registry().find(viewer, h.id()).filter(Household::mutualAidMember)
                    .ifPresent(c -> out.put(c.id(), c.mutualAidContribution())));
            return out;
        }

        /** No negative balance; every balance equals the sum of its entries. */
        void check(Snapshot s) {
            List<LedgerEntry> es = s.entries();
            for (SourceBalance b : s.sources()) {
                String id = b.source().id();
                nonNegative(b.allocated(), b.unallocated(), b.disbursed());
                assertThat(b.source().amount()).as("source amount = unallocated + allocations net of reversals")
                        .isEqualByComparingTo(b.unallocated().add(sum(es, EntryKind.ALLOCATION,
                                e -> id.equals(e.sourceId()))));
                assertThat(b.disbursed()).isEqualByComparingTo(sum(es, EntryKind.DISBURSEMENT,
                        e -> id.equals(e.sourceId())));
                assertThat(b.disbursed()).isLessThanOrEqualTo(b.allocated());
            }
            for (ProjectBalance p : s.projects()) {
                String id = p.project().id();
                nonNegative(p.allocated(), p.disbursed(), p.undisbursed(), p.unfunded(), p.remaining());
                assertThat(p.allocated()).isEqualByComparingTo(sum(es, EntryKind.ALLOCATION,
                        e -> id.equals(e.projectId())));
                assertThat(p.disbursed()).isEqualByComparingTo(sum(es, EntryKind.DISBURSEMENT,
                        e -> id.equals(e.projectId())));
                for (AllocationBalance a : p.allocations()) {
                    nonNegative(a.allocated(), a.disbursed(), a.undisbursed());
                    assertThat(a.allocated()).as("allocation = undisbursed + disbursed")
                            .isEqualByComparingTo(a.undisbursed().add(a.disbursed()));
                    assertThat(a.allocated()).isEqualByComparingTo(sum(es, EntryKind.ALLOCATION,
                            e -> a.allocationId().equals(e.id()) || a.allocationId().equals(e.reverses())));
                    assertThat(a.disbursed()).isEqualByComparingTo(sum(es, EntryKind.DISBURSEMENT,
                            e -> a.allocationId().equals(e.allocationId())));
                }
            }
            MutualAidBalance m = s.fund();
            nonNegative(m.fiscalCapital(), m.memberCapital(), m.feeIncome(), m.outstanding(), m.available());
            s.cards().values().forEach(this::nonNegative);
            assertThat(m.fiscalCapital()).isEqualByComparingTo(sum(es, EntryKind.DISBURSEMENT,
                    e -> e.payee().kind() == PayeeKind.MUTUAL_AID_FUND));
            assertThat(m.memberCapital()).isEqualByComparingTo(sum(es, EntryKind.MUTUAL_AID_CONTRIBUTION, e -> true));
            // The card is the home of membership: each card's contribution is what the ledger booked for it.
            s.cards().forEach((h, v) -> assertThat(v).isEqualByComparingTo(sum(es,
                    EntryKind.MUTUAL_AID_CONTRIBUTION, e -> h.equals(e.householdId()))));
            assertThat(m.feeIncome()).isEqualByComparingTo(sum(es, EntryKind.MUTUAL_AID_FEE, e -> true));
            assertThat(m.outstanding()).isEqualByComparingTo(sum(es, EntryKind.MUTUAL_AID_LOAN, e -> true)
                    .subtract(sum(es, EntryKind.MUTUAL_AID_REPAYMENT, e -> true)));
            assertThat(m.available()).isEqualByComparingTo(m.fiscalCapital().add(m.memberCapital())
                    .add(m.feeIncome()).subtract(m.outstanding()));
            for (MutualAidLoanBalance l : s.loans()) {
                String id = l.loan().id();
                nonNegative(l.cancelled(), l.repaid(), l.fees(), l.outstanding());
                assertThat(l.loan().amount()).isEqualByComparingTo(l.cancelled().add(l.repaid()).add(l.outstanding()));
                assertThat(l.loan().amount().subtract(l.cancelled())).isEqualByComparingTo(sum(es,
                        EntryKind.MUTUAL_AID_LOAN, e -> id.equals(e.loanId())));
                assertThat(l.repaid()).isEqualByComparingTo(sum(es, EntryKind.MUTUAL_AID_REPAYMENT,
                        e -> id.equals(e.loanId())));
            }
            RiskFundBalance r = s.risk();
            nonNegative(r.deposited(), r.paidOut(), r.balance());
            assertThat(r.deposited()).isEqualByComparingTo(sum(es, EntryKind.DISBURSEMENT,
                    e -> e.payee().kind() == PayeeKind.RISK_FUND));
            assertThat(r.paidOut()).isEqualByComparingTo(sum(es, EntryKind.RISK_COMPENSATION, e -> true));
            for (MicrocreditBalance c : s.credits()) {
                String id = c.loan().id();
                nonNegative(c.repaid(), c.outstanding(), c.compensated());
                assertThat(c.repaid()).isEqualByComparingTo(sum(es, EntryKind.MICROCREDIT_REPAYMENT,
                        e -> id.equals(e.loanId())));
                assertThat(c.compensated()).isEqualByComparingTo(sum(es, EntryKind.RISK_COMPENSATION,
                        e -> id.equals(e.loanId())));
                assertThat(c.loan().principal()).isEqualByComparingTo(c.repaid().add(c.outstanding()));
            }
            Map<String, BigDecimal> reversed = new HashMap<>();
            es.stream().filter(LedgerEntry::reversal).forEach(e -> reversed.merge(e.reverses(), e.amount(),
                    BigDecimal::add));
            for (LedgerEntry e : es) {
                assertThat(e.amount().signum()).isPositive();
                assertThat(reversed.getOrDefault(e.id(), BigDecimal.ZERO)).as("reversed part of %s", e.id())
                        .isLessThanOrEqualTo(e.amount());
            }
        }

        private void nonNegative(BigDecimal... values) {
            for (BigDecimal v : values) {
                assertThat(v.signum()).as("balance %s", v).isGreaterThanOrEqualTo(0);
            }
        }

        private static BigDecimal sum(List<LedgerEntry> es, EntryKind kind, Predicate<LedgerEntry> which) {
            return es.stream().filter(e -> e.kind() == kind && which.test(e)).map(LedgerEntry::signedAmount)
                    .reduce(Money.ZERO, BigDecimal::add);
        }
    }

    /** Everything a refused operation must leave as it was. */
    record Snapshot(List<SourceBalance> sources, List<ProjectBalance> projects, MutualAidBalance fund,
            List<MutualAidLoanBalance> loans, RiskFundBalance risk, List<MicrocreditBalance> credits,
            List<LedgerEntry> entries, long auditEntries, java.util.Map<String, BigDecimal> cards) {

        SourceBalance source(String id) {
            return sources.stream().filter(b -> b.source().id().equals(id)).findFirst().orElseThrow();
        }

        ProjectBalance project(String id) {
            return projects.stream().filter(b -> b.project().id().equals(id)).findFirst().orElseThrow();
        }

        MicrocreditBalance credit(String id) {
            return credits.stream().filter(b -> Objects.equals(b.loan().id(), id)).findFirst().orElseThrow();
        }
    }
}

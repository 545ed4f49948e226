package org.jingzhun.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicInteger;
import org.jingzhun.spi.audit.AuditChain;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.audit.AuditVerification;
import org.jingzhun.spi.error.ConflictException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.storage.Storage;
import org.jingzhun.spi.storage.StoredDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Optimistic locking under real concurrency (并发修改): {@value #THREADS} threads amend the same households and no
 * update may be lost. Each successful amend adds 1.00 to the household's mutual-aid contribution, which serves as a
 * counter: at the end it must equal the number of amends that succeeded, the version must be 1 + that number, and
 * every amend that failed must have failed with {@link ConflictException} {@code storage.version_conflict}; any other
 * exception fails the test. The first test makes the race deterministic with a barrier between reading and writing,
 * so each round has exactly one winner; the second lets threads read-modify-write freely inside one unit of work.
 * A third test runs the first one's race on the bulk paths ({@code updateAll}, {@code saveAll}). Barrier waits
 * carry a generous limit only so that a broken backend fails instead of hanging the build.
 */
public abstract class AbstractStorageConcurrencyTest {
    /** Number of concurrent writers. */
    protected static final int THREADS = 8;
    private static final long HANG_GUARD_MINUTES = 5;

    private final SampleData data = new SampleData();
    private Storage storage;
    private ExecutorService pool;

    /** A new, empty storage; closed after each test. */
    protected abstract Storage createStorage();

    @BeforeEach
    void open() {
        pool = Executors.newFixedThreadPool(THREADS);
        storage = createStorage();
    }

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(HANG_GUARD_MINUTES, TimeUnit.MINUTES);
        if (storage != null) {
            storage.close();
        }
    }

    @Test
    void writersWhoReadTheSameVersionHaveExactlyOneWinnerPerRound() throws Exception {
        int rounds = 12;
        Household h = insertWithCounter();
        CyclicBarrier allRead = new CyclicBarrier(THREADS);
        CyclicBarrier roundOver = new CyclicBarrier(THREADS);
        AtomicIntegerArray winners = new AtomicIntegerArray(rounds);
        AtomicIntegerArray conflicts = new AtomicIntegerArray(rounds);

        List<Callable<Void>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            writers.add(breakingOnFailure(() -> {
                for (int round = 0; round < rounds; round++) {
                    Household seen = storage.inTransaction(tx -> tx.households().find(h.id())).orElseThrow();
                    allRead.await(HANG_GUARD_MINUTES, TimeUnit.MINUTES);
                    if (amend(seen)) {
                        winners.incrementAndGet(round);
                    } else {
                        conflicts.incrementAndGet(round);
                    }
                    roundOver.await(HANG_GUARD_MINUTES, TimeUnit.MINUTES);
                }
                return null;
            }, allRead, roundOver));
        }
        runAll(writers);

        for (int round = 0; round < rounds; round++) {
            assertThat(winners.get(round)).as("winners of round %d", round).isEqualTo(1);
            assertThat(conflicts.get(round)).as("conflicts of round %d", round).isEqualTo(THREADS - 1);
        }
        Household end = storage.inTransaction(tx -> tx.households().find(h.id())).orElseThrow();
        assertThat(end.mutualAidContribution()).isEqualTo(new BigDecimal(rounds).setScale(2));
        assertThat(end.version()).isEqualTo(1 + rounds);
    }

    @Test
    void freeReadModifyWriteLosesNoUpdate() throws Exception {
        int attempts = 20;
        List<Household> households = List.of(insertWithCounter(), insertWithCounter(), insertWithCounter());
        AtomicIntegerArray successes = new AtomicIntegerArray(households.size());
        CyclicBarrier start = new CyclicBarrier(THREADS);

        List<Callable<Void>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            writers.add(breakingOnFailure(() -> {
                start.await(HANG_GUARD_MINUTES, TimeUnit.MINUTES);
                for (int a = 0; a < attempts; a++) {
                    int target = (thread + a) % households.size();
                    String id = households.get(target).id();
                    boolean won = readModifyWrite(id);
                    if (won) {
                        successes.incrementAndGet(target);
                    }
                }
                return null;
            }, start));
        }
        runAll(writers);

        int total = 0;
        for (int i = 0; i < households.size(); i++) {
            String id = households.get(i).id();
            Household end = storage.inTransaction(tx -> tx.households().find(id)).orElseThrow();
            assertThat(end.mutualAidContribution()).as("counter of %s", id)
                    .isEqualTo(new BigDecimal(successes.get(i)).setScale(2));
            assertThat(end.version()).isEqualTo(1 + successes.get(i));
            total += successes.get(i);
        }
        assertThat(total).isPositive();
    }

    /**
     * The bulk paths under the same race: each round every writer reads two households, their income statements and
     * documents, then all save them back with one {@code updateAll}, {@code saveAll} or {@code saveAll} at once. In
     * each round exactly one writer may win each race, the others must get {@code storage.version_conflict}.
     */
    @Test
    void bulkWritersWhoReadTheSameVersionsHaveExactlyOneWinnerPerRound() throws Exception {
        int rounds = 6;
        List<Household> households = List.of(insertWithCounter(), insertWithCounter());
        String county = SampleData.COUNTY.countyCode();
        List<IncomeStatement> incomes = storage.inTransaction(tx -> tx.incomes().saveAll(county, households.stream()
                .map(h -> data.incomeStatement(h.id(), 2016)).toList()));
        List<StoredDocument> documents = storage.inTransaction(tx -> tx.documents().saveAll(List.of(
                data.document("plan", SampleData.VILLAGE_A1, 2016),
                data.document("plan", SampleData.VILLAGE_A2, 2016))));
        CyclicBarrier allRead = new CyclicBarrier(THREADS);
        CyclicBarrier roundOver = new CyclicBarrier(THREADS);
        AtomicIntegerArray winners = new AtomicIntegerArray(3 * rounds);

        List<Callable<Void>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            writers.add(breakingOnFailure(() -> {
                for (int round = 0; round < rounds; round++) {
                    List<Household> seen = storage.inTransaction(tx -> households.stream()
                            .map(h -> tx.households().find(h.id()).orElseThrow()).toList());
                    List<IncomeStatement> seenIncomes = storage.inTransaction(tx -> incomes.stream()
                            .map(s -> tx.incomes().find(s.householdId(), s.year()).orElseThrow()).toList());
                    List<StoredDocument> seenDocuments = storage.inTransaction(tx -> documents.stream()
                            .map(d -> tx.documents().find(d.kind(), county, d.id()).orElseThrow()).toList());
                    allRead.await(HANG_GUARD_MINUTES, TimeUnit.MINUTES);
                    if (won(() -> storage.inTransaction(tx -> tx.households().updateAll(seen.stream()
                            .map(AbstractStorageConcurrencyTest::incremented).toList())))) {
                        winners.incrementAndGet(3 * round);
                    }
                    if (won(() -> storage.inTransaction(tx -> tx.incomes().saveAll(county, seenIncomes.stream()
                            .map(AbstractStorageConcurrencyTest::incremented).toList())))) {
                        winners.incrementAndGet(3 * round + 1);
                    }
                    if (won(() -> storage.inTransaction(tx -> tx.documents().saveAll(seenDocuments.stream()
                            .map(AbstractStorageConcurrencyTest::incremented).toList())))) {
                        winners.incrementAndGet(3 * round + 2);
                    }
                    roundOver.await(HANG_GUARD_MINUTES, TimeUnit.MINUTES);
                }
                return null;
            }, allRead, roundOver));
        }
        runAll(writers);

        for (int i = 0; i < 3 * rounds; i++) {
            assertThat(winners.get(i)).as("winners of race %d of round %d", i % 3, i / 3).isEqualTo(1);
        }
        for (Household h : households) {
            Household end = storage.inTransaction(tx -> tx.households().find(h.id())).orElseThrow();
            assertThat(end.mutualAidContribution()).isEqualTo(new BigDecimal(rounds).setScale(2));
            assertThat(end.version()).isEqualTo(1 + rounds);
        }
        for (IncomeStatement s : incomes) {
            IncomeStatement end = storage.inTransaction(tx -> tx.incomes().find(s.householdId(), s.year()))
                    .orElseThrow();
            assertThat(end.productionCosts()).isEqualTo(s.productionCosts().add(new BigDecimal(rounds)));
            assertThat(end.version()).isEqualTo(1 + rounds);
        }
        for (StoredDocument d : documents) {
            StoredDocument end = storage.inTransaction(tx -> tx.documents().find(d.kind(), county, d.id()))
                    .orElseThrow();
            assertThat(end.body()).isEqualTo(String.valueOf(rounds));
            assertThat(end.version()).isEqualTo(1 + rounds);
        }
    }

    /** Whether {@code write} succeeded; false when it lost a race with {@code storage.version_conflict}. */
    private static boolean won(Runnable write) {
        try {
            write.run();
            return true;
        } catch (ConflictException e) {
            assertThat(e.code()).isEqualTo("storage.version_conflict");
            return false;
        }
    }

    private static IncomeStatement incremented(IncomeStatement s) {
        return new IncomeStatement(s.householdId(), s.year(), s.items(), s.productionCosts().add(BigDecimal.ONE),
                s.householdSize(), s.version());
    }

    /** The body counts saves: a fresh document's JSON body is not a number, so it counts as 0. */
    private static StoredDocument incremented(StoredDocument d) {
        int n = d.body().matches("\\d+") ? Integer.parseInt(d.body()) : 0;
        return new StoredDocument(d.kind(), d.id(), d.region(), d.year(), d.version(), String.valueOf(n + 1),
                d.subject());
    }

    private Household insertWithCounter() {
        Household h = data.householdBuilder(SampleData.VILLAGE_A1).mutualAid(true, new BigDecimal("0.00")).build();
        return storage.inTransaction(tx -> tx.households().insert(h));
    }

    /** Adds one to the counter of the household as read; false when another writer got there first. */
    private boolean amend(Household seen) {
        try {
            storage.inTransaction(tx -> tx.households().update(incremented(seen)));
            return true;
        } catch (ConflictException e) {
            assertThat(e.code()).isEqualTo("storage.version_conflict");
            return false;
        }
    }

    /**
     * The registry's uniqueness rule under a real race (身份证号唯一): in each round {@value #THREADS} writers try at
     * once to make the same citizen ID active in their own household (explicit ids), a third each by
     * {@code insert}, by {@code insertAll} and by an {@code update} that adds the ID to a stored household. Exactly
     * one may win; every other must be refused with {@code validation.id_taken} naming the winner, and the ID ends
     * up active in the winner's household only.
     */
    @Test
    void writersRacingForOneCitizenIdLeaveExactlyOneActiveHolder() throws Exception {
        int rounds = 4;
        for (int round = 0; round < rounds; round++) {
            CitizenId contested = data.household().members().get(0).citizenId();
            List<Household> mine = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Household fresh = data.household(t % 2 == 0 ? SampleData.VILLAGE_A1
                        : SampleData.OTHER_COUNTY_VILLAGE);
                Household h = t % 3 == 2 ? storage.inTransaction(tx -> tx.households().insert(fresh)) : fresh;
                List<Member> members = new ArrayList<>(h.members());
                members.set(1, Member.of(members.get(1).name(), contested, members.get(1).relationship()));
                mine.add(h.toBuilder().members(members).build());
            }
            CyclicBarrier start = new CyclicBarrier(THREADS);
            AtomicInteger winners = new AtomicInteger();
            List<String> winnerIds = java.util.Collections.synchronizedList(new ArrayList<>());
            List<ValidationException> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Callable<Void>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Household h = mine.get(t);
                Household filler = data.household(SampleData.VILLAGE_A2);
                int mode = t % 3;
                writers.add(breakingOnFailure(() -> {
                    start.await(HANG_GUARD_MINUTES, TimeUnit.MINUTES);
                    try {
                        storage.inTransaction(tx -> switch (mode) {
                            case 0 -> tx.households().insert(h);
                            case 1 -> tx.households().insertAll(List.of(filler, h)).get(1);
                            default -> tx.households().update(h);
                        });
                        winners.incrementAndGet();
                        winnerIds.add(h.id());
                    } catch (ValidationException e) {
                        refusals.add(e);
                    }
                    return null;
                }, start));
            }
            runAll(writers);

            assertThat(winners.get()).as("winners of round %d", round).isEqualTo(1);
            assertThat(refusals).hasSize(THREADS - 1);
            String winner = winnerIds.get(0);
            for (ValidationException e : refusals) {
                assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.code()).isEqualTo("validation.id_taken");
                    assertThat(v.field()).isEqualTo("members[1].citizenId");
                    assertThat(v.messageEn()).contains(winner).doesNotContain(contested.value());
                });
            }
            List<Household> active = storage.inTransaction(tx -> tx.households().findActiveByCitizenId(contested));
            assertThat(active).extracting(Household::id).containsExactly(winner);
        }
    }

    /**
     * The audit chain under concurrent writers of one county: each of {@value #THREADS} writers appends entries in
     * many units of work, starting together so that even the county's first entry (which creates the chain head) is
     * raced for. The county's log must come out as one unbroken chain holding every entry, with distinct sequences.
     */
    @Test
    void concurrentAppendersToOneCountyLeaveOneUnbrokenChain() throws Exception {
        int units = 15;
        int perUnit = 4;
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Callable<Void>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<List<AuditEntry>> batches = new ArrayList<>();
            for (int u = 0; u < units; u++) {
                List<AuditEntry> batch = new ArrayList<>();
                for (int i = 0; i < perUnit; i++) {
                    batch.add(data.auditEntry("household", "341702-0000000" + t,
                            i % 2 == 0 ? SampleData.VILLAGE_A1 : SampleData.VILLAGE_B1, "amend"));
                }
                batches.add(batch);
            }
            writers.add(breakingOnFailure(() -> {
                start.await(HANG_GUARD_MINUTES, TimeUnit.MINUTES);
                for (List<AuditEntry> batch : batches) {
                    storage.inTransaction(tx -> tx.audit().appendAll(batch));
                }
                return null;
            }, start));
        }
        runAll(writers);

        AuditChain.Verifier verifier = AuditChain.verifier(SampleData.COUNTY.countyCode());
        java.util.Set<Long> sequences = new java.util.HashSet<>();
        storage.inTransaction(tx -> {
            tx.audit().forEachInCounty(SampleData.COUNTY.countyCode(), e -> sequences.add(e.sequence())
                    && verifier.accept(e));
            return null;
        });
        AuditVerification result = verifier.result();
        assertThat(result.intact()).as("%s", result).isTrue();
        assertThat(result.checked()).isEqualTo((long) THREADS * units * perUnit);
        assertThat(sequences).hasSize(THREADS * units * perUnit);
    }

    private boolean readModifyWrite(String id) {
        try {
            storage.inTransaction(tx -> {
                Household current = tx.households().find(id).orElseThrow();
                return tx.households().update(incremented(current));
            });
            return true;
        } catch (ConflictException e) {
            assertThat(e.code()).isEqualTo("storage.version_conflict");
            return false;
        }
    }

    private static Household incremented(Household h) {
        return h.toBuilder().mutualAid(true, h.mutualAidContribution().add(BigDecimal.ONE)).build();
    }

    /** A writer that, when it fails, breaks the barriers so the other writers stop waiting for it. */
    private static Callable<Void> breakingOnFailure(Callable<Void> writer, CyclicBarrier... barriers) {
        return () -> {
            try {
                return writer.call();
            } catch (Exception | Error e) {
                for (CyclicBarrier b : barriers) {
                    b.reset();
                }
                throw e;
            }
        };
    }

    private void runAll(List<Callable<Void>> writers) throws Exception {
        List<Future<Void>> futures = pool.invokeAll(writers);
        for (Future<Void> f : futures) {
            f.get(HANG_GUARD_MINUTES, TimeUnit.MINUTES);
        }
    }
}

package org.jingzhun.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.storage.Storage;
import org.jingzhun.testkit.SampleData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A unit of work the database picks as a deadlock victim is run again rather than failed: two writers change the
 * same two households in opposite order, meeting at a barrier between the first and the second change on their
 * first attempt, so the database must break a deadlock. Both units must end up committed, each change once.
 */
abstract class AbstractDeadlockRetryTest {
    private final SampleData data = new SampleData();
    private Storage storage;
    private ExecutorService pool;

    abstract TestDatabase database();

    @BeforeEach
    void open() {
        storage = database().createStorage();
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        storage.close();
    }

    @Test
    void aDeadlockVictimIsRunAgainAndBothUnitsCommit() throws Exception {
        Household a = storage.inTransaction(tx -> tx.households().insert(data.household(SampleData.VILLAGE_A1)
                .toBuilder().mutualAid(true, BigDecimal.ZERO).build()));
        Household b = storage.inTransaction(tx -> tx.households().insert(data.household(SampleData.VILLAGE_A2)
                .toBuilder().mutualAid(true, BigDecimal.ZERO).build()));
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();

        List<Future<Object>> writers = pool.invokeAll(List.of(
                () -> incrementBoth(a.id(), b.id(), bothHoldOne, attempts),
                () -> incrementBoth(b.id(), a.id(), bothHoldOne, attempts)));
        for (Future<Object> w : writers) {
            w.get(2, TimeUnit.MINUTES);
        }

        assertThat(attempts.get()).as("units of work started, the victim's rerun included").isGreaterThan(2);
        for (String id : List.of(a.id(), b.id())) {
            Household end = storage.inTransaction(tx -> tx.households().find(id)).orElseThrow();
            assertThat(end.mutualAidContribution()).isEqualByComparingTo("2");
            assertThat(end.version()).isEqualTo(3);
        }
    }

    private Object incrementBoth(String first, String second, CyclicBarrier bothHoldOne, AtomicInteger attempts) {
        return storage.inTransaction(tx -> {
            boolean firstAttempt = attempts.incrementAndGet() <= 2;
            increment(tx.households().find(first).orElseThrow(), tx);
            if (firstAttempt) {
                try {
                    bothHoldOne.await(1, TimeUnit.MINUTES);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            increment(tx.households().find(second).orElseThrow(), tx);
            return null;
        });
    }

    private static void increment(Household h, org.jingzhun.spi.storage.StorageTransaction tx) {
        tx.households().update(h.toBuilder().mutualAid(true, h.mutualAidContribution().add(BigDecimal.ONE)).build());
    }
}

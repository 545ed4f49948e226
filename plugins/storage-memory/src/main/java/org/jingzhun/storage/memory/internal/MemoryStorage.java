package org.jingzhun.storage.memory.internal;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jingzhun.spi.storage.Storage;
import org.jingzhun.spi.storage.StorageTransaction;

/**
 * Storage in the JVM heap. Units of work run one at a time under a single lock, which makes them serializable; each
 * keeps an undo log, run newest first when the work throws, so a failed unit leaves the tables exactly as it found
 * them. Stored values are immutable records (lists and sets copied by their constructors), so callers can never
 * change stored state through a reference they hold. A unit started inside another on the same thread joins it: its
 * writes commit or roll back with the outer unit.
 */
public final class MemoryStorage implements Storage {
    /** Everything stored. */
    record Tables(RegionTable regions, HouseholdTable households, IncomeTable incomes, AuditLog audit,
            DocumentTable documents) {
    }

    private final Tables tables = new Tables(new RegionTable(), new HouseholdTable(), new IncomeTable(),
            new AuditLog(), new DocumentTable());
    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<MemoryTransaction> current = new ThreadLocal<>();
    private volatile boolean closed;

    @Override
    public <T> T inTransaction(Function<StorageTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        MemoryTransaction outer = current.get();
        if (outer != null) {
            return work.apply(outer);
        }
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("memory storage is closed");
            }
            UnitOfWork unit = new UnitOfWork();
            MemoryTransaction tx = new MemoryTransaction(tables, unit);
            current.set(tx);
            try {
                return work.apply(tx);
            } catch (RuntimeException | Error e) {
                unit.undo().rollback();
                throw e;
            } finally {
                unit.end();
                current.remove();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many households area reads have visited since the storage was opened: a diagnostic with which scan-cost
     * tests check that a page costs the same at any registry size.
     */
    public long rowsRead() {
        return tables.households().rowsRead();
    }

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public void close() {
        closed = true;
    }
}

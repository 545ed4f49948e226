package org.jingzhun.spi.storage;

import java.util.function.Function;

/**
 * A storage backend (存储). All access goes through {@link #inTransaction}: the unit of work commits when the function
 * returns and rolls back when it throws, leaving nothing half-written. Implementations are thread-safe.
 */
public interface Storage extends AutoCloseable {
    /**
     * Runs {@code work} in one transaction and returns its result. Exceptions propagate after rollback. A backend may
     * run {@code work} again from the start when the database rolled its transaction back to break a deadlock, so
     * work keeps its effects inside the transaction (what it returns included) and starts from scratch each time.
     */
    <T> T inTransaction(Function<StorageTransaction, T> work);

    /** A short description for logs, never containing credentials, e.g. {@code jdbc h2 mem:demo}. */
    String describe();

    @Override
    void close();
}

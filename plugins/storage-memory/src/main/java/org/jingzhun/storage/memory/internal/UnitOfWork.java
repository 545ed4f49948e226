package org.jingzhun.storage.memory.internal;

/**
 * One running unit of work: its undo log, and whether it is still open. Repositories check it on every call so that a
 * {@link org.jingzhun.spi.storage.StorageTransaction} leaked out of its unit cannot touch the tables without the lock.
 */
final class UnitOfWork {
    private final UndoLog undo = new UndoLog();
    private boolean open = true;

    UndoLog undo() {
        return undo;
    }

    void check() {
        if (!open) {
            throw new IllegalStateException("the unit of work has ended; use storage.inTransaction again");
        }
    }

    void end() {
        open = false;
    }
}

package org.jingzhun.storage.memory.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a unit of work must undo if it fails: every mutation of {@link MemoryState} registers the action restoring the
 * previous value, and {@link #rollback()} runs them newest first. Undo actions write the tables directly and so are
 * never logged themselves.
 */
final class UndoLog {
    private final Deque<Runnable> actions = new ArrayDeque<>();

    void record(Runnable undo) {
        actions.push(undo);
    }

    void rollback() {
        while (!actions.isEmpty()) {
            actions.pop().run();
        }
    }
}

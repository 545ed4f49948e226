package org.jingzhun.storage.jdbc.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The version rule applied to a whole batch before anything of it is written: from the stored versions (read in one
 * query per chunk), each record in input order must be new (version 0, key not stored, where inserts are allowed) or
 * carry the version its key has at that point, counting the records before it. The first one that breaks the rule
 * gets the exception a single save would throw. What remains is one write per key: a record saved twice in a batch
 * (inserted, then updated) is written once, as its last state, with the version the sequence of saves would give.
 *
 * @param <K> the key of a record (unique within what the caller reads)
 * @param <T> the record
 */
final class VersionedBatch<K, T> {
    /**
     * The net write of one key.
     *
     * @param expected   the version the stored row must have, 0 for an insert
     * @param last       the state to store
     * @param newVersion the version to store
     */
    record Write<T>(long expected, T last, long newVersion) {
        boolean insert() {
            return expected == 0;
        }
    }

    private final Function<T, K> key;
    private final ToLongFunction<T> version;
    private final Function<T, String> kind;
    private final Function<T, String> id;
    private final boolean inserts;
    private Consumer<T> check = t -> { };

    /**
     * @param kind    the kind errors name (the {@code kind} of {@link VersionRule})
     * @param id      the id errors name
     * @param inserts whether version 0 means a new record (otherwise it is just a version that cannot be stored)
     */
    VersionedBatch(Function<T, K> key, ToLongFunction<T> version, Function<T, String> kind, Function<T, String> id,
            boolean inserts) {
        this.key = key;
        this.version = version;
        this.kind = kind;
        this.id = id;
        this.inserts = inserts;
    }

    /** A check each record passes first, in turn (the argument checks of the single save). */
    VersionedBatch<K, T> checking(Consumer<T> recordCheck) {
        this.check = recordCheck;
        return this;
    }

    /** The writes of {@code records}, one per key in order of first appearance; throws for the first offender. */
    List<Write<T>> plan(List<T> records, Map<K, Long> stored) {
        Map<K, Long> current = new HashMap<>(stored);
        Map<K, Write<T>> writes = new LinkedHashMap<>();
        for (T r : records) {
            check.accept(r);
            K k = key.apply(r);
            Long now = current.get(k);
            long v = version.applyAsLong(r);
            if (inserts && v == 0) {
                if (now != null) {
                    throw VersionRule.duplicate(kind.apply(r), id.apply(r));
                }
            } else if (now == null || now != v) {
                throw VersionRule.lostWrite(kind.apply(r), id.apply(r), v, now);
            }
            current.put(k, v + 1);
            Write<T> earlier = writes.get(k);
            writes.put(k, new Write<>(earlier == null ? v : earlier.expected(), r, v + 1));
        }
        return new ArrayList<>(writes.values());
    }
}

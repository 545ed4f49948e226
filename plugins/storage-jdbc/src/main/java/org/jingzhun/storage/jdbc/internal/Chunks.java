package org.jingzhun.storage.jdbc.internal;

import java.util.ArrayList;
import java.util.List;

/** Splits long lists so IN lists and batches stay within every driver's parameter limits. */
final class Chunks {
    /** Keys per IN list or bound array when reading rows by key (see {@link KeyLookup}). */
    static final int KEYS = 1_000;

    private Chunks() {
    }

    static <T> List<List<T>> of(List<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }
}

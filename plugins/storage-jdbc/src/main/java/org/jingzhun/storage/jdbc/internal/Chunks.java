package org.jingzhun.storage.jdbc.internal;

import java.util.ArrayList;
import java.util.List;

/** Splits long lists so IN lists and batches stay within every driver's parameter limits. */
final class Chunks {

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

package org.jingzhun.storage.memory.internal;

import java.util.List;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.storage.Page;
import org.jingzhun.spi.storage.PageRequest;

/** Cuts the requested slice out of a complete, ordered result. */
final class Pages {
    private Pages() {
    }

    /** The slice by offset; requests after a key are refused (documents page by offset only). */
    static <T> Page<T> slice(List<T> all, PageRequest request) {
        if (request.after() != null) {
            throw new IllegalArgumentException("documents are paged by offset, not after a key");
        }
        int from = (int) Math.min(all.size(), (long) request.offset());
        int to = (int) Math.min(all.size(), (long) request.offset() + request.limit());
        return Page.ofTotal(all.subList(from, to), all.size(), request);
    }

    /** The slice of households by offset or after a key, with the id of its last household as the next key. */
    static Page<Household> keyed(List<Household> all, PageRequest request) {
        int from = (int) Math.min(all.size(), (long) request.offset());
        if (request.after() != null) {
            from = 0;
            while (from < all.size() && all.get(from).id().compareTo(request.after()) <= 0) {
                from++;
            }
        }
        int to = (int) Math.min(all.size(), (long) from + request.limit());
        List<Household> items = all.subList(from, to);
        return new Page<>(items, request.counted() ? Long.valueOf(all.size()) : null, request, to < all.size(),
                items.isEmpty() ? null : items.get(items.size() - 1).id());
    }
}

package org.jingzhun.storage.memory.internal;

import java.util.List;
import org.jingzhun.spi.storage.Page;
import org.jingzhun.spi.storage.PageRequest;

/** Cuts the requested slice out of a complete, ordered result. */
final class Pages {
    private Pages() {
    }

    static <T> Page<T> slice(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), (long) request.offset());
        int to = (int) Math.min(all.size(), (long) request.offset() + request.limit());
        return new Page<>(all.subList(from, to), all.size(), request);
    }
}

package org.jingzhun.spi.storage;

import java.util.List;
import java.util.function.Function;

/** A slice of an ordered result with the total number of matching rows. */
public record Page<T>(List<T> items, long total, PageRequest request) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return request.offset() + items.size() < total;
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), total, request);
    }
}

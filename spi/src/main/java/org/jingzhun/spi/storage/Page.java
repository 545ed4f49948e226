package org.jingzhun.spi.storage;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A slice of an ordered result (分页结果): its rows, whether more follow, the key of its last row for the next keyset
 * page, and the number of rows in the whole result when the request asked for it.
 *
 * @param items   the rows
 * @param total   the number of rows in the whole result when the request was {@link PageRequest#counted()}, else
 *                null (a plain number, so that hosts serialize pages as they are)
 * @param request the request this page answers
 * @param more    whether rows follow this page
 * @param lastKey the key of the last row (a household's id), or null when the backend pages by offset only or the
 *                page is empty
 */
public record Page<T>(List<T> items, Long total, PageRequest request, boolean more, String lastKey) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(request, "request");
    }

    /** A page cut out of a result of {@code total} rows by offset, as a backend without keys builds it. */
    public static <T> Page<T> ofTotal(List<T> items, long total, PageRequest request) {
        return new Page<>(items, request.counted() ? Long.valueOf(total) : null, request,
                request.offset() + items.size() < total, null);
    }

    public boolean hasNext() {
        return more;
    }

    /** The request for the following page: after this page's last key when it has one, else by offset. */
    public PageRequest next() {
        if (!more) {
            throw new IllegalStateException("no page follows");
        }
        if (lastKey != null) {
            return request.after(lastKey);
        }
        return new PageRequest(request.offset() + items.size(), request.limit(), null, false);
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), total, request, more, lastKey);
    }
}

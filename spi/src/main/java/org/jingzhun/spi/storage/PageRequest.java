package org.jingzhun.spi.storage;

/**
 * Which slice of an ordered result to return (分页请求), at most {@code limit} (1–10,000) rows, and whether to count
 * the whole result too. A slice starts either after a key ({@code after}, the key of the last row the caller has:
 * a keyset page, whose cost does not depend on how far into the result it lies) or after {@code offset} rows (a
 * numbered page, for a pager that jumps; the backend skips the rows it passes over, so late pages of a large result
 * cost more). Counting the result ({@code counted}) reads the whole area, so ask for it only when a total is shown.
 *
 * @param offset  rows skipped; must be 0 when {@code after} is given
 * @param limit   rows returned at most
 * @param after   the key of the row the slice follows (a household's id), or null for the start
 * @param counted whether the page carries the number of rows in the whole result
 */
public record PageRequest(int offset, int limit, String after, boolean counted) {
    public static final int MAX_LIMIT = 10_000;

    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT);
        }
        if (after != null && offset != 0) {
            throw new IllegalArgumentException("a page after a key has no offset");
        }
    }

    /** A numbered page with the result's total, as a pager showing "page 3 of 40" needs it. */
    public PageRequest(int offset, int limit) {
        this(offset, limit, null, true);
    }

    /** The first page, not counted: the start of a walk that follows {@link Page#next()}. */
    public static PageRequest first(int limit) {
        return new PageRequest(0, limit, null, false);
    }

    /** The same slice, with the result's total. */
    public PageRequest withTotal() {
        return new PageRequest(offset, limit, after, true);
    }

    /** The page of the same size after the row with key {@code key}, not counted again. */
    public PageRequest after(String key) {
        return new PageRequest(0, limit, java.util.Objects.requireNonNull(key, "key"), false);
    }
}

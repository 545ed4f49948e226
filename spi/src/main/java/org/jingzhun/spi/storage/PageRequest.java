package org.jingzhun.spi.storage;

/**
 * Which slice of an ordered result to return: {@code offset} rows skipped, at most {@code limit} (1–10,000) returned.
 */
public record PageRequest(int offset, int limit) {
    public static final int MAX_LIMIT = 10_000;

    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(0, limit);
    }

    public PageRequest next() {
        return new PageRequest(offset + limit, limit);
    }
}

package org.jingzhun.core.internal;

import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.StorageTransaction;
import org.jingzhun.spi.storage.StoredDocument;

/**
 * Readable per-county running numbers ({@code 341702-00000042}) kept as a document so every storage backend supports
 * them transactionally; two writers racing for the same number meet the optimistic lock, never a duplicate.
 */
public final class IdSequence {
    private static final String KIND = "sequence";

    /** The next id of {@code name} in the county of {@code region}. */
    public String next(StorageTransaction tx, String name, RegionCode region) {
        String county = region.countyCode();
        RegionCode countyRegion = RegionCode.of(county);
        StoredDocument current = tx.documents().find(KIND, county, name)
                .orElse(new StoredDocument(KIND, name, countyRegion, null, 0, "0"));
        long next = Long.parseLong(current.body().trim()) + 1;
        tx.documents().save(new StoredDocument(KIND, name, countyRegion, null, current.version(), Long.toString(next)));
        return county + "-" + String.format("%08d", next);
    }
}

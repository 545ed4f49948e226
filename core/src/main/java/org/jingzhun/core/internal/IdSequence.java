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
        return block(tx, name, region, 1).get(0);
    }

    /** {@code count} consecutive ids reserved with one write, for bulk registration. */
    public java.util.List<String> block(StorageTransaction tx, String name, RegionCode region, int count) {
        String county = region.countyCode();
        RegionCode countyRegion = RegionCode.of(county);
        StoredDocument current = tx.documents().find(KIND, county, name)
                .orElse(new StoredDocument(KIND, name, countyRegion, null, 0, "0"));
        long last = Long.parseLong(current.body().trim());
        tx.documents().save(new StoredDocument(KIND, name, countyRegion, null, current.version(),
                Long.toString(last + count)));
        java.util.List<String> ids = new java.util.ArrayList<>(count);
        for (long n = last + 1; n <= last + count; n++) {
            ids.add(county + "-" + String.format("%08d", n));
        }
        return ids;
    }
}

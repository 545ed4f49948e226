package org.jingzhun.storage.memory.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jingzhun.spi.region.RegionCode;

/**
 * Keys of rows grouped (by table or document kind) and indexed by the region they lie in, so "inside this township or
 * village" reads only that area's rows instead of scanning the county. Kept in step by its table on every change and
 * undo; only touched under the storage lock.
 *
 * @param <K> the row key, whose natural order is the order rows are returned in
 */
final class RegionIndex<K extends Comparable<K>> {
    private final Map<String, NavigableMap<String, NavigableSet<K>>> byGroup = new HashMap<>();

    void add(String group, RegionCode region, K key) {
        byGroup.computeIfAbsent(group, g -> new TreeMap<>()).computeIfAbsent(region.value(), r -> new TreeSet<>())
                .add(key);
    }

    void remove(String group, RegionCode region, K key) {
        NavigableMap<String, NavigableSet<K>> regions = byGroup.get(group);
        NavigableSet<K> keys = regions == null ? null : regions.get(region.value());
        if (keys != null) {
            keys.remove(key);
            if (keys.isEmpty()) {
                regions.remove(region.value());
            }
        }
    }

    /** The keys of the group's rows inside {@code area}, in key order. */
    NavigableSet<K> within(String group, RegionCode area) {
        NavigableSet<K> out = new TreeSet<>();
        NavigableMap<String, NavigableSet<K>> regions = byGroup.get(group);
        if (regions != null) {
            // Region codes are digits, and ':' follows '9': the range holds exactly the codes with the area's prefix.
            String prefix = area.prefix();
            regions.subMap(prefix, true, prefix + ':', false).values().forEach(out::addAll);
        }
        return out;
    }

    /** Whether an area is small enough for the index to beat a scan of its county: a township or a village. */
    static boolean narrow(RegionCode area) {
        return area.level().ordinal() > org.jingzhun.spi.region.RegionLevel.COUNTY.ordinal();
    }
}

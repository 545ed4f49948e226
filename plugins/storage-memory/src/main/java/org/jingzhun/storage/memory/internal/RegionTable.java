package org.jingzhun.storage.memory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;

/** Administrative areas in code order. Only touched under the storage lock. */
final class RegionTable {
    private final NavigableMap<RegionCode, Region> byCode = new TreeMap<>();

    Region get(RegionCode code) {
        return byCode.get(code);
    }

    /** Areas inside {@code area}, inclusive, in code order: a contiguous run of the sorted map. */
    List<Region> within(RegionCode area) {
        String prefix = area.prefix();
        List<Region> out = new ArrayList<>();
        for (Map.Entry<RegionCode, Region> e : byCode.tailMap(area, true).entrySet()) {
            if (!e.getKey().value().startsWith(prefix)) {
                break;
            }
            out.add(e.getValue());
        }
        return out;
    }

    void put(Region region, UndoLog undo) {
        Region old = byCode.put(region.code(), region);
        undo.record(() -> {
            if (old == null) {
                byCode.remove(region.code());
            } else {
                byCode.put(old.code(), old);
            }
        });
    }
}

package org.jingzhun.storage.memory.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;

/**
 * Households in id order with an index from citizen ID to the households listing that person, kept in step on every
 * change (and every undo). Only touched under the storage lock.
 */
final class HouseholdTable {
    private final NavigableMap<String, Household> byId = new TreeMap<>();
    private final Map<String, NavigableSet<String>> idsByCitizen = new HashMap<>();
    private final RegionIndex<String> idsByRegion = new RegionIndex<>();
    /** Households visited by area reads since the table was made: what a scan-cost test compares across sizes. */
    private final java.util.concurrent.atomic.AtomicLong rowsRead = new java.util.concurrent.atomic.AtomicLong();

    Household get(String id) {
        return byId.get(id);
    }

    /** Households inside {@code area} in id order; ids start with the county code, so a county is one id range. */
    List<Household> within(RegionCode area) {
        return within(area, null, Integer.MAX_VALUE);
    }

    /**
     * At most {@code max} households inside {@code area} with ids after {@code after} (null: from the start), in id
     * order. Ids start with the county code, so a county, prefecture or province is one id range, read from
     * {@code after} on and no further than needed; a township or village is read through the region index.
     */
    List<Household> within(RegionCode area, String after, int max) {
        List<Household> out = new ArrayList<>();
        if (RegionIndex.narrow(area)) {
            java.util.NavigableSet<String> ids = idsByRegion.within("", area);
            rowsRead.addAndGet(ids.size());
            for (String id : after == null ? ids : ids.tailSet(after, false)) {
                if (out.size() == max) {
                    break;
                }
                out.add(byId.get(id));
            }
            return out;
        }
        // '.' follows '-' and ':' follows '9' in code order, so these ranges hold exactly the ids "<county>-…", or
        // the ids of every county whose code starts with the area's digits.
        String prefix = area.prefix();
        NavigableMap<String, Household> range = area.level() == RegionLevel.COUNTY
                ? byId.subMap(prefix + "-", true, prefix + ".", false)
                : byId.subMap(prefix, true, prefix + ":", false);
        if (after != null) {
            range = range.tailMap(after, false);
        }
        for (Household h : range.values()) {
            if (out.size() == max) {
                break;
            }
            rowsRead.incrementAndGet();
            if (area.contains(h.region())) {
                out.add(h);
            }
        }
        return out;
    }

    /** Households visited by area reads so far. */
    long rowsRead() {
        return rowsRead.get();
    }

    List<Household> withMember(CitizenId citizenId) {
        List<Household> out = new ArrayList<>();
        for (String id : idsByCitizen.getOrDefault(citizenId.value(), new TreeSet<>())) {
            out.add(byId.get(id));
        }
        return out;
    }

    void put(Household h, UndoLog undo) {
        Household old = write(h);
        undo.record(() -> {
            if (old == null) {
                erase(h.id());
            } else {
                write(old);
            }
        });
    }

    void remove(String id, UndoLog undo) {
        Household old = erase(id);
        if (old != null) {
            undo.record(() -> write(old));
        }
    }

    private Household write(Household h) {
        Household old = byId.put(h.id(), h);
        if (old != null) {
            unindex(old);
        }
        idsByRegion.add("", h.region(), h.id());
        for (Member m : h.members()) {
            idsByCitizen.computeIfAbsent(m.citizenId().value(), k -> new TreeSet<>()).add(h.id());
        }
        return old;
    }

    private Household erase(String id) {
        Household old = byId.remove(id);
        if (old != null) {
            unindex(old);
        }
        return old;
    }

    private void unindex(Household h) {
        idsByRegion.remove("", h.region(), h.id());
        for (Member m : h.members()) {
            NavigableSet<String> ids = idsByCitizen.get(m.citizenId().value());
            if (ids != null) {
                ids.remove(h.id());
                if (ids.isEmpty()) {
                    idsByCitizen.remove(m.citizenId().value());
                }
            }
        }
    }
}

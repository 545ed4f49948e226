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

    Household get(String id) {
        return byId.get(id);
    }

    /** Households inside {@code area} in id order; ids start with the county code, so a county is one id range. */
    List<Household> within(RegionCode area) {
        if (RegionIndex.narrow(area)) {
            List<Household> out = new ArrayList<>();
            for (String id : idsByRegion.within("", area)) {
                out.add(byId.get(id));
            }
            return out;
        }
        Iterable<Household> candidates = byId.values();
        if (area.level().ordinal() >= RegionLevel.COUNTY.ordinal()) {
            String county = area.countyCode();
            // '.' follows '-' in code order, so this range holds exactly the ids "<county>-…".
            candidates = byId.subMap(county + "-", true, county + ".", false).values();
        }
        List<Household> out = new ArrayList<>();
        for (Household h : candidates) {
            if (area.contains(h.region())) {
                out.add(h);
            }
        }
        return out;
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

package org.jingzhun.storage.memory.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.StoredDocument;

/**
 * Stored documents ordered by kind, id and county, so one kind is a contiguous run already in id order, with an index
 * by subject.
 */
final class DocumentTable {
    /** Sort key: kind, then id, then county (the same id may exist in two counties). */
    record Key(String kind, String id, String countyCode) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::kind).thenComparing(Key::id)
                .thenComparing(Key::countyCode);

        @Override
        public int compareTo(Key o) {
            return ORDER.compare(this, o);
        }
    }

    private final NavigableMap<Key, StoredDocument> byKey = new TreeMap<>();
    /** Secondary index (kind, county, subject) → ids, kept in step with {@link #byKey} on every change and undo. */
    private final Map<List<String>, SortedSet<String>> bySubject = new HashMap<>();
    /** Secondary index kind → region → keys, for areas below the county. */
    private final RegionIndex<Key> byRegion = new RegionIndex<>();

    StoredDocument get(String kind, String countyCode, String id) {
        return byKey.get(new Key(kind, id, countyCode));
    }

    /** Documents of {@code kind} inside {@code area}, of {@code year} when not null, by id then county. */
    List<StoredDocument> within(String kind, RegionCode area, Integer year) {
        List<StoredDocument> out = new ArrayList<>();
        if (RegionIndex.narrow(area)) {
            for (Key k : byRegion.within(kind, area)) {
                StoredDocument d = byKey.get(k);
                if (year == null || year.equals(d.year())) {
                    out.add(d);
                }
            }
            return out;
        }
        for (StoredDocument d : byKey.subMap(new Key(kind, "", ""), true, new Key(kind + '\u0000', "", ""), false)
                .values()) {
            if (area.contains(d.region()) && (year == null || year.equals(d.year()))) {
                out.add(d);
            }
        }
        return out;
    }

    /** Documents of {@code kind} in the county with that subject, by id. */
    List<StoredDocument> bySubject(String kind, String countyCode, String subject) {
        List<StoredDocument> out = new ArrayList<>();
        for (String id : bySubject.getOrDefault(List.of(kind, countyCode, subject), Collections.emptySortedSet())) {
            out.add(byKey.get(new Key(kind, id, countyCode)));
        }
        return out;
    }

    void put(StoredDocument d, UndoLog undo) {
        Key key = new Key(d.kind(), d.id(), d.countyCode());
        StoredDocument old = byKey.put(key, d);
        unindex(old);
        index(d);
        undo.record(() -> {
            unindex(d);
            if (old == null) {
                byKey.remove(key);
            } else {
                byKey.put(key, old);
                index(old);
            }
        });
    }

    void remove(String kind, String countyCode, String id, UndoLog undo) {
        Key key = new Key(kind, id, countyCode);
        StoredDocument old = byKey.remove(key);
        if (old != null) {
            unindex(old);
            undo.record(() -> {
                byKey.put(key, old);
                index(old);
            });
        }
    }

    private void index(StoredDocument d) {
        if (d != null) {
            byRegion.add(d.kind(), d.region(), new Key(d.kind(), d.id(), d.countyCode()));
        }
        if (d != null && d.subject() != null) {
            bySubject.computeIfAbsent(subjectKey(d), k -> new TreeSet<>()).add(d.id());
        }
    }

    private void unindex(StoredDocument d) {
        if (d != null) {
            byRegion.remove(d.kind(), d.region(), new Key(d.kind(), d.id(), d.countyCode()));
        }
        if (d != null && d.subject() != null) {
            SortedSet<String> ids = bySubject.get(subjectKey(d));
            if (ids != null) {
                ids.remove(d.id());
                if (ids.isEmpty()) {
                    bySubject.remove(subjectKey(d));
                }
            }
        }
    }

    private static List<String> subjectKey(StoredDocument d) {
        return List.of(d.kind(), d.countyCode(), d.subject());
    }
}

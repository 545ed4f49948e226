package org.jingzhun.storage.memory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jingzhun.spi.household.IncomeStatement;

/** Income statements by household and year, so one household's years are one contiguous run. */
final class IncomeTable {
    /** Sort key: household id, then year. */
    record Key(String householdId, int year) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = householdId.compareTo(o.householdId);
            return c != 0 ? c : Integer.compare(year, o.year);
        }
    }

    private final NavigableMap<Key, IncomeStatement> byKey = new TreeMap<>();

    IncomeStatement get(String householdId, int year) {
        return byKey.get(new Key(householdId, year));
    }

    List<IncomeStatement> ofHousehold(String householdId) {
        return new ArrayList<>(byKey.subMap(new Key(householdId, Integer.MIN_VALUE), true,
                new Key(householdId, Integer.MAX_VALUE), true).values());
    }

    void put(IncomeStatement s, UndoLog undo) {
        Key key = new Key(s.householdId(), s.year());
        IncomeStatement old = byKey.put(key, s);
        undo.record(() -> {
            if (old == null) {
                byKey.remove(key);
            } else {
                byKey.put(key, old);
            }
        });
    }

    void remove(String householdId, int year, UndoLog undo) {
        Key key = new Key(householdId, year);
        IncomeStatement old = byKey.remove(key);
        if (old != null) {
            undo.record(() -> byKey.put(key, old));
        }
    }
}

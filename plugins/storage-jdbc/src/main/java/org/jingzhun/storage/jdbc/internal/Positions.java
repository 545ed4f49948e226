package org.jingzhun.storage.jdbc.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each column of a column list sits in a query that selects that list first and in order (as every query built
 * with {@link Column#names} does): the 1-based positions, fixed once, so rows are read by index rather than by name.
 */
final class Positions {
    private final Map<String, Integer> at;

    private Positions(Map<String, Integer> at) {
        this.at = at;
    }

    static <R> Positions of(List<Column<R>> columns) {
        Map<String, Integer> at = new HashMap<>(columns.size() * 2);
        for (int i = 0; i < columns.size(); i++) {
            at.put(columns.get(i).name(), i + 1);
        }
        return new Positions(Map.copyOf(at));
    }

    /** The 1-based position of a column of the list. */
    int of(String column) {
        Integer i = at.get(column);
        if (i == null) {
            throw new IllegalArgumentException("column " + column + " is not among the selected columns");
        }
        return i;
    }
}

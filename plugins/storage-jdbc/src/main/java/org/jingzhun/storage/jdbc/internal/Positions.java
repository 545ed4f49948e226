package org.jingzhun.storage.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where each selected column sits in one result set, resolved once by name when the result set opens. */
final class Positions {
    private final Map<String, Integer> at;

    private Positions(Map<String, Integer> at) {
        this.at = at;
    }

    static <R> Positions of(ResultSet rs, List<Column<R>> columns) throws SQLException {
        Map<String, Integer> at = new HashMap<>(columns.size() * 2);
        for (Column<R> c : columns) {
            at.put(c.name(), rs.findColumn(c.name()));
        }
        return new Positions(at);
    }

    /** The 1-based position of a column the query selects. */
    int of(String column) {
        Integer i = at.get(column);
        if (i == null) {
            throw new IllegalArgumentException("column " + column + " is not among the selected columns");
        }
        return i;
    }
}

package org.jingzhun.storage.jdbc.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.StringJoiner;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Rows of a table picked by many key values, one query per chunk of at most {@link Chunks#KEYS} keys, in the form
 * each database evaluates well. PostgreSQL and MariaDB turn {@code column IN (?, ?, …)} into index lookups. H2 uses
 * an IN list of parameters on an index only when the column leads that index (never the id after a key's
 * {@code county_code}), and tests every row against the whole list; there the values are bound as arrays and
 * unnested into a row source joined on the key, which makes one index lookup per value. (H2 2.5, a county of 15,428
 * households: 1,000 scattered ids by {@code county_code = ? AND id IN (…)} took about 400 ms, by the join 4 ms.)
 *
 * <p>A query reads {@code SELECT … FROM } {@link #from()} {@code  WHERE } {@link #where()} {@code  AND …}. With
 * several key columns the IN-list form matches every combination of the values, so callers keep only the rows whose
 * whole key they asked for.
 */
final class KeyLookup {
    private final boolean arrays;
    private final String table;
    private final String alias;
    private final List<String> columns;

    KeyLookup(boolean arrays, String table, String alias, List<String> columns) {
        this.arrays = arrays;
        this.table = table;
        this.alias = alias;
        this.columns = List.copyOf(columns);
    }

    /** The FROM clause: the table as its alias, joined to the key values when they come as arrays. */
    String from() {
        if (!arrays) {
            return table + " " + alias;
        }
        StringJoiner params = new StringJoiner(", ");
        StringJoiner names = new StringJoiner(", ");
        StringJoiner on = new StringJoiner(" AND ");
        for (int i = 0; i < columns.size(); i++) {
            params.add(":key_" + i);
            names.add("key_" + i);
            on.add(alias + "." + columns.get(i) + " = k.key_" + i);
        }
        return "UNNEST(" + params + ") AS k(" + names + ") JOIN " + table + " " + alias + " ON " + on;
    }

    /** The condition picking the keys' rows, for the WHERE clause. */
    String where() {
        if (arrays) {
            return "1 = 1";
        }
        StringJoiner in = new StringJoiner(" AND ");
        for (int i = 0; i < columns.size(); i++) {
            in.add(alias + "." + columns.get(i) + " IN (<key_" + i + ">)");
        }
        return in.toString();
    }

    /** Binds the keys of a one-column lookup; {@code values} must not be empty. */
    <S extends SqlStatement<S>> S bind(S statement, List<?> values) {
        return bindColumns(statement, List.of(values));
    }

    /**
     * Binds one chunk of keys: {@code values.get(i)} holds the values of the i-th key column, one per key, so all
     * lists have the same, non-zero length.
     */
    <S extends SqlStatement<S>> S bindColumns(S statement, List<? extends List<?>> values) {
        if (values.size() != columns.size() || values.get(0).isEmpty()) {
            throw new IllegalArgumentException("one non-empty list of values per key column " + columns);
        }
        for (int i = 0; i < columns.size(); i++) {
            List<?> column = values.get(i);
            if (arrays) {
                statement.bindArray("key_" + i, column.get(0).getClass(), column);
            } else {
                statement.bindList("key_" + i, new ArrayList<>(new LinkedHashSet<>(column)));
            }
        }
        return statement;
    }
}

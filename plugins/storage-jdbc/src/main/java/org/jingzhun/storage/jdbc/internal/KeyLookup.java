package org.jingzhun.storage.jdbc.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.StringJoiner;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementCustomizer;

/**
 * Rows of a table picked by many key values, one query per chunk of at most {@link Chunks#KEYS} keys, in the form
 * each database evaluates well (measured on a county of 15,428 households, 1,000 scattered keys per query):
 * <ul>
 *   <li>MariaDB: {@code column IN (?, ?, …)}; the driver sends the values inline and the optimizer makes index
 *       lookups or a range of them.</li>
 *   <li>PostgreSQL: {@code column = ANY(?)} with one array, planned for its values at every execution. A generic
 *       plan (what the server switches a prepared statement to after a few executions, and what it picks before
 *       the new rows are analysed) tests each of the county's rows against the whole list: 170 ms per chunk of
 *       1,000 keys against 15,000 rows instead of 3 ms; with an IN list of parameters, 330 ms.</li>
 *   <li>H2: the values as arrays, unnested into a row source joined on the key, one index lookup per value. H2 uses
 *       an IN list (or {@code = ANY}) on an index only when the column leads that index, never the id after a
 *       key's {@code county_code}, and tests rows against a list of parameters one by one (about 400 ms instead
 *       of 4 ms).</li>
 * </ul>
 *
 * <p>A query reads {@code SELECT … FROM } {@link #from()} {@code  WHERE } {@link #where()} {@code  AND …}. With
 * several key columns the list forms match every combination of the values, so callers keep only the rows whose
 * whole key they asked for.
 */
final class KeyLookup {
    /** How the keys reach the query. */
    enum Form {
        IN_LIST, ANY_ARRAY, UNNEST_JOIN
    }

    private final Form form;
    private final String table;
    private final String alias;
    private final List<String> columns;
    private final StatementCustomizer customizer;

    /** @param customizer what every query of the lookup is customized with, or null */
    KeyLookup(Form form, String table, String alias, List<String> columns, StatementCustomizer customizer) {
        this.form = form;
        this.table = table;
        this.alias = alias;
        this.columns = List.copyOf(columns);
        this.customizer = customizer;
    }

    /** The FROM clause: the table as its alias, joined to the key values when they come as a row source. */
    String from() {
        if (form != Form.UNNEST_JOIN) {
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

    /**
     * The expression to order rows by the {@code i}-th key column: the key list's column in the joined form (so the
     * order does not invite a planner to drive the join from the table), the table's column otherwise.
     */
    String orderBy(int i) {
        return form == Form.UNNEST_JOIN ? "k.key_" + i : alias + "." + columns.get(i);
    }

    /** The condition picking the keys' rows, for the WHERE clause. */
    String where() {
        if (form == Form.UNNEST_JOIN) {
            return "1 = 1";
        }
        StringJoiner in = new StringJoiner(" AND ");
        for (int i = 0; i < columns.size(); i++) {
            in.add(alias + "." + columns.get(i) + (form == Form.IN_LIST ? " IN (<key_" + i + ">)" : " = ANY(:key_" + i
                    + ")"));
        }
        return in.toString();
    }

    /** Binds the keys of a one-column lookup; {@code values} must be distinct and not empty. */
    <S extends SqlStatement<S>> S bind(S statement, List<?> values) {
        return bindColumns(statement, List.of(values));
    }

    /**
     * Binds one chunk of keys: {@code values.get(i)} holds the values of the i-th key column, one per key, so all
     * lists have the same, non-zero length. Keys must be distinct: the joined form yields a row per key given.
     */
    <S extends SqlStatement<S>> S bindColumns(S statement, List<? extends List<?>> values) {
        if (values.size() != columns.size() || values.get(0).isEmpty()) {
            throw new IllegalArgumentException("one non-empty list of values per key column " + columns);
        }
        for (int i = 0; i < columns.size(); i++) {
            List<?> column = form == Form.UNNEST_JOIN ? values.get(i)
                    : new ArrayList<>(new LinkedHashSet<>(values.get(i)));
            if (form == Form.IN_LIST) {
                statement.bindList("key_" + i, column);
            } else {
                statement.bindArray("key_" + i, column.get(0).getClass(), column);
            }
        }
        return customizer == null ? statement : statement.addCustomizer(customizer);
    }
}

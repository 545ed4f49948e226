package org.jingzhun.storage.jdbc.internal;

import java.util.List;
import org.jdbi.v3.core.statement.SqlStatement;

/** Binds a record's columns to a statement or batch by name, each with its JDBC type. */
final class Bind {
    private Bind() {
    }

    static <R, S extends SqlStatement<S>> S columns(S statement, List<Column<R>> columns, R row) {
        for (Column<R> c : columns) {
            statement.bindBySqlType(c.name(), c.value().apply(row), c.sqlType());
        }
        return statement;
    }
}

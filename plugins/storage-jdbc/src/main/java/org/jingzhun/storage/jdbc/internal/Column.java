package org.jingzhun.storage.jdbc.internal;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One column written from a record: its name, its JDBC type (so that nulls are bound typed on every driver) and how
 * to get its value. Lists of columns generate the INSERT statements, bind the batches and feed PostgreSQL's COPY, so
 * the three write paths cannot drift apart.
 *
 * @param <R> the record a row is written from
 */
record Column<R>(String name, int sqlType, Function<R, Object> value) {

    static <R> String names(List<Column<R>> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    static <R> String insert(String table, List<Column<R>> columns) {
        return "INSERT INTO " + table + " (" + names(columns) + ") VALUES ("
                + columns.stream().map(c -> ":" + c.name()).collect(Collectors.joining(", ")) + ")";
    }
}

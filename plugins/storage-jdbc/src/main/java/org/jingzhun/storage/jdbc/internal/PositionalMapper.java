package org.jingzhun.storage.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A row mapper for queries that select a column list first and in order: it reads columns by position, which
 * drivers answer without the case-insensitive name search that was a visible share of whole-county scans.
 *
 * @param <T> what a row maps to
 */
final class PositionalMapper<T> implements RowMapper<T> {
    /** Reads one row given the positions of the list's columns. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs, Positions at) throws SQLException;
    }

    private final Positions positions;
    private final RowReader<T> reader;

    <R> PositionalMapper(List<Column<R>> columns, RowReader<T> reader) {
        this.positions = Positions.of(columns);
        this.reader = reader;
    }

    @Override
    public T map(ResultSet rs, StatementContext ctx) throws SQLException {
        return reader.read(rs, positions);
    }
}

package org.jingzhun.storage.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A row mapper that reads columns by position: Jdbi specializes it once per result set, which resolves the column
 * names to positions; every row after that reads by index.
 *
 * @param <T> what a row maps to
 */
final class PositionalMapper<T> implements RowMapper<T> {
    /** Reads one row given the resolved positions. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs, Positions at) throws SQLException;
    }

    private final List<? extends Column<?>> columns;
    private final RowReader<T> reader;

    <R> PositionalMapper(List<Column<R>> columns, RowReader<T> reader) {
        this.columns = columns;
        this.reader = reader;
    }

    @Override
    public RowMapper<T> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
        Positions at = positions(rs);
        return (row, c) -> reader.read(row, at);
    }

    @Override
    public T map(ResultSet rs, StatementContext ctx) throws SQLException {
        return reader.read(rs, positions(rs));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Positions positions(ResultSet rs) throws SQLException {
        return Positions.of(rs, (List) columns);
    }
}

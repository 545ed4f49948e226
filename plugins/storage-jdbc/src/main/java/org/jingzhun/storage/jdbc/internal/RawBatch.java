package org.jingzhun.storage.jdbc.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * The hot bulk writes (audit entries, households and members, income statements, documents) as plain JDBC batches
 * on the handle's connection,
 * inside its transaction. Jdbi looks up an argument factory for every bound value, which was a visible share of bulk
 * writes; here each column binds with the setter of its JDBC type. Failures surface as {@link JdbiException}s, like
 * every other statement of the plugin, so callers read them the same way.
 */
final class RawBatch {
    private RawBatch() {
    }

    /** {@code INSERT INTO table (columns…) VALUES (?, …)} in the order of {@code columns}. */
    static <R> String insert(String table, List<Column<R>> columns) {
        return "INSERT INTO " + table + " (" + Column.names(columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    /** Inserts every row (one batch). */
    static <R> void insert(Handle handle, String sql, List<Column<R>> columns, List<R> rows) {
        execute(handle, sql, columns, rows);
    }

    /**
     * Runs {@code sql} once per row (one batch), its {@code ?} parameters bound from {@code columns} in order;
     * returns the update count of each row.
     */
    static <R> int[] execute(Handle handle, String sql, List<Column<R>> columns, List<R> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement ps = handle.getConnection().prepareStatement(sql)) {
            for (R row : rows) {
                bind(ps, columns, row);
                ps.addBatch();
            }
            return ps.executeBatch();
        } catch (SQLException e) {
            throw new Failed(e);
        }
    }

    /** Inserts every row (one batch) and returns the generated {@code keyColumn} of each, in row order. */
    static <R> List<Long> insertReturningKeys(Handle handle, String sql, List<Column<R>> columns, List<R> rows,
            String keyColumn) {
        List<Long> keys = new ArrayList<>(rows.size());
        if (rows.isEmpty()) {
            return keys;
        }
        try (PreparedStatement ps = handle.getConnection().prepareStatement(sql, new String[] {keyColumn})) {
            for (R row : rows) {
                bind(ps, columns, row);
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                while (rs.next()) {
                    keys.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new Failed(e);
        }
        return keys;
    }

    private static <R> void bind(PreparedStatement ps, List<Column<R>> columns, R row) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            Column<R> c = columns.get(i);
            Object v = c.value().apply(row);
            int at = i + 1;
            if (v == null) {
                ps.setNull(at, c.sqlType());
                continue;
            }
            switch (c.sqlType()) {
                case Types.VARCHAR -> ps.setString(at, (String) v);
                case Types.INTEGER -> ps.setInt(at, (Integer) v);
                case Types.BIGINT -> ps.setLong(at, (Long) v);
                case Types.BOOLEAN -> ps.setBoolean(at, (Boolean) v);
                case Types.DECIMAL -> ps.setBigDecimal(at, (BigDecimal) v);
                default -> ps.setObject(at, v, c.sqlType());
            }
        }
    }

    /** A failed raw batch, carrying the driver's exception as its cause. */
    static final class Failed extends JdbiException {
        private static final long serialVersionUID = 1L;

        Failed(SQLException cause) {
            super(SqlErrors.describe(cause), cause);
        }
    }
}

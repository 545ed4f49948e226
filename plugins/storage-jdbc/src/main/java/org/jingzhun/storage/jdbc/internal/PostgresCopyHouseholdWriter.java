package org.jingzhun.storage.jdbc.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jingzhun.spi.error.StorageException;
import org.jingzhun.spi.household.Household;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Bulk writes on PostgreSQL with {@code COPY … FROM STDIN (FORMAT csv)} on the transaction's own connection
 * (unwrapped from the pool's proxy), streaming rows as they are encoded: households first, then members.
 */
final class PostgresCopyHouseholdWriter implements BulkHouseholdWriter {
    private static final int FLUSH_CHARS = 64 * 1024;

    @Override
    public void write(Handle handle, List<Household> households) {
        try {
            PGConnection pg = handle.getConnection().unwrap(PGConnection.class);
            copy(pg, "households", HouseholdRows.HOUSEHOLD_COLUMNS, households);
            copy(pg, "members", HouseholdRows.MEMBER_COLUMNS,
                    households.stream().flatMap(h -> HouseholdRows.memberRows(h).stream()).toList());
        } catch (SQLException e) {
            throw new StorageException("storage.failed", e, SqlErrors.describe(e));
        }
    }

    private static <R> void copy(PGConnection pg, String table, List<Column<R>> columns, List<R> rows)
            throws SQLException {
        String sql = "COPY " + table + " (" + Column.names(columns) + ") FROM STDIN (FORMAT csv)";
        PGCopyOutputStream stream = new PGCopyOutputStream(pg, sql);
        try {
            Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 1024);
            for (R row : rows) {
                CsvRecord.append(buffer, columns, row);
                if (buffer.length() >= FLUSH_CHARS) {
                    out.write(buffer.toString());
                    buffer.setLength(0);
                }
            }
            out.write(buffer.toString());
            out.flush();
            stream.endCopy();
        } catch (IOException e) {
            cancel(stream);
            // The driver reports a failed COPY (a key, a bad value) as an IOException around the SQL error.
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            throw new UncheckedIOException(e);
        } catch (SQLException | RuntimeException e) {
            cancel(stream);
            throw e;
        }
    }

    /** Leaves COPY mode so the connection can roll the transaction back. */
    private static void cancel(PGCopyOutputStream stream) {
        if (stream.isActive()) {
            try {
                stream.cancelCopy();
            } catch (SQLException e) {
                // The transaction is failing already; the original error is the one to report.
            }
        }
    }
}

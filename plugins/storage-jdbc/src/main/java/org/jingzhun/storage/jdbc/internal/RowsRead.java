package org.jingzhun.storage.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.ParsedParameters;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/**
 * Counts the table rows the database reads in one unit of work, from the database's own figures: the transaction's
 * table statistics on PostgreSQL ({@code pg_stat_xact_user_tables}: rows read by sequential scans and fetched by
 * index scans), the session's handler reads on MariaDB ({@code Handler_read_%}), and on H2, which keeps no such
 * counters, the scan counts of {@code EXPLAIN ANALYZE} run for every query a second time. A diagnostic for scan-cost
 * tests and benchmarks, never used by the storage itself.
 */
final class RowsRead {
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    private final Dialect dialect;
    private final Handle handle;
    private long explained;

    private RowsRead(Dialect dialect, Handle handle) {
        this.dialect = dialect;
        this.handle = handle;
    }

    /** Starts counting on {@code handle}; on H2 every later query on it is explained too. */
    static RowsRead start(Dialect dialect, Handle handle) {
        RowsRead counter = new RowsRead(dialect, handle);
        if (dialect == Dialect.H2) {
            handle.addCustomizer(counter.explaining());
        }
        return counter;
    }

    /** The database's running total for this transaction or session (H2: rows counted so far). */
    long total() {
        return switch (dialect) {
            case POSTGRESQL -> handle.createQuery("SELECT COALESCE(SUM(seq_tup_read + COALESCE(idx_tup_fetch, 0)), 0)"
                    + " FROM pg_stat_xact_user_tables WHERE schemaname = current_schema()").mapTo(Long.class).one();
            case MYSQL -> handle.createQuery("SELECT COALESCE(SUM(VARIABLE_VALUE), 0) FROM information_schema"
                    + ".SESSION_STATUS WHERE VARIABLE_NAME LIKE 'HANDLER_READ%'").mapTo(Long.class).one();
            case H2 -> explained;
        };
    }

    private StatementCustomizer explaining() {
        return new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
                String sql = ctx.getParsedSql().getSql();
                if (!sql.strip().toUpperCase(Locale.ROOT).startsWith("SELECT")) {
                    return;
                }
                try (PreparedStatement explain = ctx.getConnection().prepareStatement("EXPLAIN ANALYZE " + sql)) {
                    ParsedParameters params = ctx.getParsedSql().getParameters();
                    List<String> names = params.getParameterNames();
                    for (int i = 0; i < params.getParameterCount(); i++) {
                        Argument arg = (params.isPositional() ? ctx.getBinding().findForPosition(i)
                                : ctx.getBinding().findForName(names.get(i), ctx))
                                .orElseThrow(() -> new SQLException("unbound parameter in " + sql));
                        arg.apply(i + 1, explain, ctx);
                    }
                    try (ResultSet rs = explain.executeQuery()) {
                        while (rs.next()) {
                            Matcher m = SCAN_COUNT.matcher(rs.getString(1));
                            while (m.find()) {
                                explained += Long.parseLong(m.group(1));
                            }
                        }
                    }
                }
            }
        };
    }
}

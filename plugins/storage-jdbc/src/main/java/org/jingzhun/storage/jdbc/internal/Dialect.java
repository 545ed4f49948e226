package org.jingzhun.storage.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jingzhun.spi.error.ConfigurationException;
import org.postgresql.PGStatement;

/**
 * The SQL dialects the storage speaks (数据库方言), detected from the JDBC URL. Only what really differs lives here:
 * where the migrations are, how a region is upserted, how rows are read by many keys, and session settings.
 */
enum Dialect {
    H2("h2") {
        @Override
        String upsertRegion() {
            return "MERGE INTO regions (county_code, code, name, rural_population, poor) KEY (county_code, code) "
                    + "VALUES (:county_code, :code, :name, :rural_population, :poor)";
        }

        @Override
        KeyLookup keyLookup(String table, String alias, String... columns) {
            return new KeyLookup(KeyLookup.Form.UNNEST_JOIN, table, alias, List.of(columns), null);
        }

        @Override
        boolean joinsKeysBadly() {
            return true;
        }

        @Override
        String insertChainHead() {
            // H2 has no insert-or-ignore outside its compatibility modes; a racing insert waits for the other
            // transaction and then fails with a duplicate key, which leaves this transaction usable and is ignored.
            return "INSERT INTO audit_chain_heads (county_code, last_seq, last_hash) VALUES (?, ?, ?)";
        }
    },
    POSTGRESQL("postgresql") {
        @Override
        String upsertRegion() {
            return "INSERT INTO regions (county_code, code, name, rural_population, poor) "
                    + "VALUES (:county_code, :code, :name, :rural_population, :poor) "
                    + "ON CONFLICT (county_code, code) DO UPDATE SET name = EXCLUDED.name, "
                    + "rural_population = EXCLUDED.rural_population, poor = EXCLUDED.poor";
        }

        @Override
        KeyLookup keyLookup(String table, String alias, String... columns) {
            return new KeyLookup(KeyLookup.Form.ANY_ARRAY, table, alias, List.of(columns), PLANNED_FOR_ITS_VALUES);
        }

        @Override
        String insertChainHead() {
            return "INSERT INTO audit_chain_heads (county_code, last_seq, last_hash) VALUES (?, ?, ?) "
                    + "ON CONFLICT (county_code) DO NOTHING";
        }

        @Override
        boolean errorAbortsTransaction() {
            return true;
        }
    },
    MYSQL("mysql") {
        @Override
        String upsertRegion() {
            return "INSERT INTO regions (county_code, code, name, rural_population, poor) "
                    + "VALUES (:county_code, :code, :name, :rural_population, :poor) "
                    + "ON DUPLICATE KEY UPDATE name = VALUES(name), rural_population = VALUES(rural_population), "
                    + "poor = VALUES(poor)";
        }

        @Override
        String insertChainHead() {
            // Not INSERT IGNORE: writers that lose the race would each hold a shared lock on the new row and then
            // deadlock upgrading it for the update; a no-op update on the duplicate takes the exclusive lock at once.
            return "INSERT INTO audit_chain_heads (county_code, last_seq, last_hash) VALUES (?, ?, ?) "
                    + "ON DUPLICATE KEY UPDATE county_code = county_code";
        }

        @Override
        String lockingRead() {
            // With useBulkStmts=true in the URL the driver answers a batch of updates with SUCCESS_NO_INFO instead of
            // row counts; rows locked when their versions are checked cannot have changed by the time they are
            // written, so those writes need no count.
            return " FOR UPDATE";
        }

        @Override
        String connectionInitSql() {
            // Strict mode: an over-long or out-of-range value is an error, never silently truncated. Literals in the
            // tables' collation: with the driver's utf8mb4_general_ci, "county_code = ?" was not taken as a constant
            // for ORDER BY, so each page of a county read the whole county and sorted it (Handler_read_next).
            return "SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION', "
                    + "collation_connection = 'utf8mb4_bin'";
        }
    };

    /**
     * Has the PostgreSQL driver send a statement unnamed every time (no server-side prepare), so that the server
     * plans it for the parameter values at hand instead of reusing a generic plan.
     */
    private static final StatementCustomizer PLANNED_FOR_ITS_VALUES = new StatementCustomizer() {
        @Override
        public void beforeExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
            if (stmt.isWrapperFor(PGStatement.class)) {
                stmt.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
        }
    };

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** The dialect of a JDBC URL. */
    static Dialect of(String url) {
        String u = url == null ? "" : url.strip().toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:")) {
            return MYSQL;
        }
        throw new ConfigurationException("config.invalid", "storage-jdbc",
                "url " + JdbcUrls.redact(url) + " names no supported database (h2, postgresql, mariadb, mysql)");
    }

    /** Flyway location of this dialect's migrations (namespaced, so a host's own Flyway never picks them up). */
    String migrations() {
        return "classpath:org/jingzhun/storage/jdbc/migration/" + folder;
    }

    /** Short name for {@link org.jingzhun.spi.storage.Storage#describe()}. */
    String label() {
        return folder;
    }

    /** Inserts a region or replaces its name, population and poor flag. */
    abstract String upsertRegion();

    /** How queries pick rows of {@code table} (as {@code alias}) by many values of {@code columns}. */
    KeyLookup keyLookup(String table, String alias, String... columns) {
        return new KeyLookup(KeyLookup.Form.IN_LIST, table, alias, List.of(columns), null);
    }

    /**
     * What ends a query reading the versions of rows a batch of guarded updates is about to write: empty where the
     * driver reports every batched update's row count (H2, PostgreSQL), a row lock where it may not (MariaDB).
     */
    String lockingRead() {
        return "";
    }

    /**
     * Creates a county's audit chain head ({@code county_code, last_seq, last_hash}) unless it exists, without
     * failing when a concurrent transaction creates it first (H2: see its override).
     */
    abstract String insertChainHead();

    /**
     * Whether a failed statement aborts the whole transaction (PostgreSQL), so that a write whose failure is to be
     * explained by a further query must run under a savepoint.
     */
    boolean errorAbortsTransaction() {
        return false;
    }

    /**
     * Whether rows of a large table picked by a list of keys are better read one primary-key lookup at a time than
     * by joining the list (H2: its planner may drive the join from the table and scan the list for every row).
     */
    boolean joinsKeysBadly() {
        return false;
    }

    /** SQL run on every new connection, or null. */
    String connectionInitSql() {
        return null;
    }
}

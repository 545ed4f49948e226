package org.jingzhun.storage.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jingzhun.spi.storage.Storage;
import org.jingzhun.spi.storage.StorageTransaction;
import org.jingzhun.storage.jdbc.internal.JdbcStorageFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * The three databases the tests run on. H2 runs in-process; PostgreSQL (127.0.0.1:5432, user postgres, trust auth)
 * and MariaDB (127.0.0.1:3306, root, empty password) must be running. Every storage a test creates gets its own
 * freshly made schema (PostgreSQL) or database (MariaDB), or its own in-memory H2 database, named
 * {@code jz_test_<random>} and dropped when the storage is closed, so concurrent runs never see each other's rows.
 *
 * <p>An unreachable server makes the test abort (skipped) with a loud message on standard error, unless the
 * environment has {@code CI=true}: then it fails.
 */
enum TestDatabase {
    H2 {
        @Override
        Schema newSchema() {
            String name = uniqueName();
            return new Schema(JdbcStorageConfig.h2Memory(name), null, "PUBLIC", () -> { });
        }
    },
    POSTGRES {
        private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=5";

        @Override
        Schema newSchema() {
            String name = uniqueName();
            admin(ADMIN_URL, "postgres", "CREATE SCHEMA " + name);
            JdbcStorageConfig config = JdbcStorageConfig.of(
                    "jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=" + name, "postgres", "");
            return new Schema(config, null, name,
                    () -> admin(ADMIN_URL, "postgres", "DROP SCHEMA " + name + " CASCADE"));
        }
    },
    MARIADB {
        private static final String ADMIN_URL = "jdbc:mariadb://127.0.0.1:3306/?connectTimeout=5000";

        @Override
        Schema newSchema() {
            String name = uniqueName();
            admin(ADMIN_URL, "root", "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            JdbcStorageConfig config = JdbcStorageConfig.of("jdbc:mariadb://127.0.0.1:3306/" + name, "root", "");
            return new Schema(config, name, null, () -> admin(ADMIN_URL, "root", "DROP DATABASE " + name));
        }
    };

    /**
     * An isolated place to keep a registry: the storage configuration pointing at it, where its tables are in JDBC
     * metadata terms (catalog, schema), and how to drop it.
     */
    record Schema(JdbcStorageConfig config, String catalog, String schema, Runnable drop) {
        Connection connect() throws SQLException {
            return DriverManager.getConnection(config.url(), config.user(), config.password());
        }
    }

    /** A fresh, isolated schema; aborts or fails the test when the server is unreachable. */
    abstract Schema newSchema();

    /** A storage on a fresh schema, made through the plugin's factory; closing it drops the schema. */
    Storage createStorage() {
        return createStorage(UnaryOperator.identity());
    }

    /** Like {@link #createStorage()}, with settings adjusted by {@code adjust}. */
    Storage createStorage(UnaryOperator<JdbcStorageConfig> adjust) {
        Schema schema = newSchema();
        try {
            JdbcStorageConfig config = adjust.apply(schema.config());
            return new Disposable(open(config), schema.drop(), config);
        } catch (RuntimeException e) {
            schema.drop().run();
            throw e;
        }
    }

    static Storage open(JdbcStorageConfig config) {
        return new JdbcStorageFactory().create(config, Clock::systemUTC);
    }

    static String uniqueName() {
        return "jz_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    void admin(String url, String user, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08") || e.getMessage().contains("onnect")) {
                unreachable(url, e);
            }
            throw new IllegalStateException("test database setup failed: " + sql, e);
        }
    }

    private void unreachable(String url, SQLException e) {
        String problem = "*** " + name() + " at " + url + " is unreachable ("
                + e.getMessage().lines().findFirst().orElse("") + ").";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(problem + " CI=true, so this fails the build.", e);
        }
        String message = "\n" + problem + "\n*** Its tests are SKIPPED. Start the server, or set CI=true to make this "
                + "a failure.";
        System.err.println(message);
        Assumptions.abort(message);
    }

    /** Rows the database read for {@code work} on a storage made here (see {@code JdbcStorage.rowsReadBy}). */
    static long rowsReadBy(Storage storage, java.util.function.Consumer<StorageTransaction> work) {
        return ((org.jingzhun.storage.jdbc.internal.JdbcStorage) ((Disposable) storage).delegate).rowsReadBy(work);
    }

    /**
     * Refreshes the planner's statistics of the households and members tables of a storage made here, as a
     * database's background analysis (autovacuum, InnoDB's persistent statistics) does after a load.
     */
    static void analyze(Storage storage) {
        JdbcStorageConfig config = ((Disposable) storage).config;
        String url = config.url().toLowerCase(java.util.Locale.ROOT);
        List<String> sql = url.startsWith("jdbc:postgresql:") ? List.of("ANALYZE households", "ANALYZE members")
                : url.startsWith("jdbc:mariadb:") ? List.of("ANALYZE TABLE households", "ANALYZE TABLE members")
                : List.of("ANALYZE");
        try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password());
                Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not analyze " + storage.describe(), e);
        }
    }

    /** A storage that drops its schema after closing. */
    private static final class Disposable implements Storage {
        private final Storage delegate;
        private final Runnable drop;
        private final JdbcStorageConfig config;

        Disposable(Storage delegate, Runnable drop, JdbcStorageConfig config) {
            this.delegate = delegate;
            this.drop = drop;
            this.config = config;
        }

        @Override
        public <T> T inTransaction(java.util.function.Function<StorageTransaction, T> work) {
            return delegate.inTransaction(work);
        }

        @Override
        public String describe() {
            return delegate.describe();
        }

        @Override
        public void close() {
            try {
                delegate.close();
            } finally {
                drop.run();
            }
        }
    }
}

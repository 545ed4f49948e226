package org.jingzhun.storage.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jingzhun.spi.error.StorageException;
import org.jingzhun.spi.storage.Storage;
import org.jingzhun.spi.storage.StorageTransaction;
import org.jingzhun.storage.jdbc.JdbcStorageConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storage in a relational database. Each unit of work is one Jdbi handle in one READ COMMITTED transaction (enough,
 * since every write is guarded by its version); a unit started inside another on the same thread joins it, because
 * Jdbi reuses the thread's open handle. Opening migrates the schema with Flyway (history table
 * {@code jingzhun_schema_history}) unless turned off. Database errors surface as {@link StorageException}s:
 * {@code storage.unreachable} naming the URL without its password, or {@code storage.failed}.
 */
public final class JdbcStorage implements Storage {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStorage.class);
    private static final String HISTORY_TABLE = "jingzhun_schema_history";
    private static final int DEADLOCK_ATTEMPTS = 5;

    private final JdbcStorageConfig config;
    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final BulkHouseholdWriter bulk;
    /** How deep this thread is in units of work of this storage (nested units join the outer one). */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    private JdbcStorage(JdbcStorageConfig config, Dialect dialect, HikariDataSource dataSource) {
        this.config = config;
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.bulk = dialect == Dialect.POSTGRESQL ? new PostgresCopyHouseholdWriter()
                : new BatchHouseholdWriter(config.batchSize());
    }

    /** Connects, migrates when configured to, and returns the open storage. */
    static JdbcStorage open(JdbcStorageConfig config) {
        Dialect dialect = Dialect.of(config.url());
        HikariDataSource dataSource = pool(config, dialect);
        try {
            if (config.migrate()) {
                Flyway.configure()
                        .dataSource(dataSource)
                        .locations(dialect.migrations())
                        .javaMigrations(new V7_1__Audit_chain_backfill())
                        .table(HISTORY_TABLE)
                        .loggers("slf4j")
                        .load()
                        .migrate();
            }
        } catch (FlywayException e) {
            dataSource.close();
            throw SqlErrors.isConnectionFailure(e) ? unreachable(config, e)
                    : new StorageException("storage.failed", e, scrub(config, "migration failed: " + e.getMessage()));
        }
        JdbcStorage storage = new JdbcStorage(config, dialect, dataSource);
        LOG.info("Opened {}", storage.describe());
        return storage;
    }

    private static HikariDataSource pool(JdbcStorageConfig config, Dialect dialect) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("jingzhun-" + dialect.label());
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setConnectionTimeout(config.connectionTimeoutMs());
        hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        if (dialect.connectionInitSql() != null) {
            hikari.setConnectionInitSql(dialect.connectionInitSql());
        }
        if (dialect == Dialect.MYSQL) {
            hikari.addDataSourceProperty("useBulkStmtsForInserts", "true");
        }
        try {
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            // Hikari fails fast when no first connection can be made: wrong host, port, database or credentials.
            throw unreachable(config, e);
        }
    }

    /**
     * Runs the unit of work; one the database chose as a deadlock victim is run again from the start, up to
     * {@value #DEADLOCK_ATTEMPTS} times. InnoDB picks such victims among writers inserting the same unique key (a
     * citizen ID raced for by several households), where the loser must see the winner's committed row and report
     * the ID as taken instead of failing. Only the outermost unit retries: a nested one shares the transaction the
     * database has already rolled back.
     */
    @Override
    public <T> T inTransaction(Function<StorageTransaction, T> work) {
        boolean outermost = depth.get()[0] == 0;
        for (int attempt = 1; ; attempt++) {
            depth.get()[0]++;
            try {
                return jdbi.inTransaction(handle -> work.apply(
                        new JdbcTransaction(handle, dialect, bulk, config.batchSize())));
            } catch (ConnectionException e) {
                throw unreachable(config, e);
            } catch (JdbiException e) {
                if (SqlErrors.isConnectionFailure(e)) {
                    throw unreachable(config, e);
                }
                if (!(outermost && SqlErrors.isDeadlock(e) && attempt < DEADLOCK_ATTEMPTS)) {
                    throw new StorageException("storage.failed", e, scrub(config, SqlErrors.describe(e)));
                }
                LOG.debug("Unit of work chosen as deadlock victim, running it again (attempt {}): {}", attempt + 1,
                        SqlErrors.describe(e));
                pause(attempt);
            } finally {
                depth.get()[0]--;
            }
        }
    }

    /**
     * Runs {@code work} in one unit of work, rolled back at the end, and returns how many table rows the database
     * read for it, by the database's own counters (see {@link RowsRead}): a diagnostic with which scan-cost tests
     * and benchmarks check that a page or a scan reads what it returns and not the whole area. On H2 each query runs
     * a second time under {@code EXPLAIN ANALYZE}, so keep it out of production paths.
     */
    public long rowsReadBy(java.util.function.Consumer<StorageTransaction> work) {
        return jdbi.inTransaction(handle -> {
            RowsRead counter = RowsRead.start(dialect, handle);
            long before = counter.total();
            work.accept(new JdbcTransaction(handle, dialect, bulk, config.batchSize()));
            long read = counter.total() - before;
            handle.rollback();
            return read;
        });
    }

    /** A short random pause, longer with each attempt, so that the writers who deadlocked do not meet again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 25L * attempt + 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String describe() {
        String url = JdbcUrls.redact(config.url());
        String scheme = "jdbc:" + dialect.label() + ":";
        if (url.toLowerCase(Locale.ROOT).startsWith(scheme)) {
            url = url.substring(scheme.length());
        }
        return "jdbc " + dialect.label() + " " + url;
    }

    @Override
    public void close() {
        if (dataSource.isClosed()) {
            return;
        }
        if (dialect == Dialect.H2 && config.url().toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:")) {
            // DB_CLOSE_DELAY=-1 keeps an in-memory database alive between pooled connections; closing the storage
            // is when it is discarded.
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                LOG.warn("Could not shut down {}: {}", describe(), e.getMessage());
            }
        }
        dataSource.close();
        LOG.info("Closed {}", describe());
    }

    private static StorageException unreachable(JdbcStorageConfig config, Throwable cause) {
        return new StorageException("storage.unreachable", cause, JdbcUrls.redact(config.url()),
                scrub(config, SqlErrors.describe(cause)));
    }

    private static String scrub(JdbcStorageConfig config, String message) {
        return JdbcUrls.scrub(message, config.password());
    }
}

package org.jingzhun.storage.jdbc;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import org.jingzhun.storage.jdbc.internal.JdbcUrls;

/**
 * Configuration of the {@code jdbc} storage (数据库存储配置). The database kind (H2, PostgreSQL, MySQL/MariaDB) follows
 * from the JDBC URL. Optional settings left {@code null} take their defaults, so a host binding key/value properties
 * needs only {@code url} (and credentials for a server). {@link #toString()} never shows the password.
 *
 * @param url                 JDBC URL: {@code jdbc:h2:…}, {@code jdbc:postgresql://…} or {@code jdbc:mariadb://…}
 *                            (a {@code jdbc:mysql://} URL needs MySQL Connector/J on the classpath)
 * @param user                database user; may be null or empty for H2
 * @param password            database password; never logged nor shown in errors
 * @param poolSize            connections in the pool, 1–100, default {@value #DEFAULT_POOL_SIZE}
 * @param connectionTimeoutMs how long to wait for a connection before the database counts as unreachable,
 *                            250 ms – 10 minutes, default {@value #DEFAULT_CONNECTION_TIMEOUT_MS}
 * @param batchSize           rows per JDBC batch on the bulk path (H2, MySQL/MariaDB), 1–10,000, default
 *                            {@value #DEFAULT_BATCH_SIZE}
 * @param migrate             whether to bring the schema up to date with Flyway on start, default true
 */
public record JdbcStorageConfig(
        @NotBlank String url,
        String user,
        String password,
        @Min(1) @Max(100) Integer poolSize,
        @Min(250) @Max(600_000) Long connectionTimeoutMs,
        @Min(1) @Max(10_000) Integer batchSize,
        Boolean migrate) {

    public static final int DEFAULT_POOL_SIZE = 8;
    public static final long DEFAULT_CONNECTION_TIMEOUT_MS = 10_000;
    public static final int DEFAULT_BATCH_SIZE = 500;

    public JdbcStorageConfig {
        poolSize = poolSize == null ? DEFAULT_POOL_SIZE : poolSize;
        connectionTimeoutMs = connectionTimeoutMs == null ? DEFAULT_CONNECTION_TIMEOUT_MS : connectionTimeoutMs;
        batchSize = batchSize == null ? DEFAULT_BATCH_SIZE : batchSize;
        migrate = migrate == null ? Boolean.TRUE : migrate;
    }

    /** A configuration with default pool, timeout, batch and migration settings. */
    public static JdbcStorageConfig of(String url, String user, String password) {
        return new JdbcStorageConfig(url, user, password, null, null, null, null);
    }

    /** An embedded H2 database kept in files at {@code path} (H2 adds {@code .mv.db}), user {@code sa}. */
    public static JdbcStorageConfig h2File(Path path) {
        return of("jdbc:h2:file:" + path.toAbsolutePath(), "sa", "");
    }

    /**
     * A private in-memory H2 database called {@code name}; it lives until the storage is closed, then is discarded.
     */
    public static JdbcStorageConfig h2Memory(String name) {
        return of("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** A copy with another pool size. */
    public JdbcStorageConfig withPoolSize(int size) {
        return new JdbcStorageConfig(url, user, password, size, connectionTimeoutMs, batchSize, migrate);
    }

    /** A copy with another connection timeout. */
    public JdbcStorageConfig withConnectionTimeoutMs(long timeout) {
        return new JdbcStorageConfig(url, user, password, poolSize, timeout, batchSize, migrate);
    }

    /** A copy with another bulk batch size. */
    public JdbcStorageConfig withBatchSize(int size) {
        return new JdbcStorageConfig(url, user, password, poolSize, connectionTimeoutMs, size, migrate);
    }

    /** A copy that does or does not migrate the schema on start. */
    public JdbcStorageConfig withMigrate(boolean on) {
        return new JdbcStorageConfig(url, user, password, poolSize, connectionTimeoutMs, batchSize, on);
    }

    /** Shows every setting but the password (and any password inside the URL), masked as {@code ****}. */
    @Override
    public String toString() {
        return "JdbcStorageConfig[url=" + JdbcUrls.redact(url) + ", user=" + user + ", password="
                + (password == null || password.isEmpty() ? "" : "****") + ", poolSize=" + poolSize
                + ", connectionTimeoutMs=" + connectionTimeoutMs + ", batchSize=" + batchSize + ", migrate="
                + migrate + "]";
    }
}

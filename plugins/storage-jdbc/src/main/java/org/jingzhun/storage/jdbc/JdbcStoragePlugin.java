package org.jingzhun.storage.jdbc;

import java.util.List;
import org.jingzhun.spi.Plugin;
import org.jingzhun.spi.storage.StorageFactory;
import org.jingzhun.storage.jdbc.internal.JdbcStorageFactory;

/**
 * The relational storage plugin (关系数据库存储插件), {@code storage-jdbc}: contributes the storage factory {@code jdbc},
 * which keeps the registry in H2 (embedded, the default for small hosts), PostgreSQL or MySQL/MariaDB through Jdbi,
 * a HikariCP pool and Flyway migrations. The schema is normalised and keyed by county code throughout, so it can be
 * distributed by county on Citus or a MySQL-compatible distributed database unchanged; see the module README.
 */
public final class JdbcStoragePlugin implements Plugin {
    /** The plugin's stable name. */
    public static final String NAME = "storage-jdbc";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int spiVersion() {
        return Plugin.SPI_VERSION;
    }

    @Override
    public List<StorageFactory<?>> storageFactories() {
        return List.of(new JdbcStorageFactory());
    }
}

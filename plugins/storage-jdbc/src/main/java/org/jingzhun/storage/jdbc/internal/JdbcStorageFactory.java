package org.jingzhun.storage.jdbc.internal;

import org.jingzhun.spi.PluginContext;
import org.jingzhun.spi.storage.Storage;
import org.jingzhun.spi.storage.StorageFactory;
import org.jingzhun.storage.jdbc.JdbcStorageConfig;

/** Creates {@link JdbcStorage}s under the factory name {@code jdbc}. */
public final class JdbcStorageFactory implements StorageFactory<JdbcStorageConfig> {
    /** The factory name hosts refer to. */
    public static final String NAME = "jdbc";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<JdbcStorageConfig> configType() {
        return JdbcStorageConfig.class;
    }

    @Override
    public Storage create(JdbcStorageConfig config, PluginContext context) {
        return JdbcStorage.open(config);
    }
}

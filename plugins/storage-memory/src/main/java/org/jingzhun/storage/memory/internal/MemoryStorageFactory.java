package org.jingzhun.storage.memory.internal;

import org.jingzhun.spi.PluginContext;
import org.jingzhun.spi.storage.Storage;
import org.jingzhun.spi.storage.StorageFactory;
import org.jingzhun.storage.memory.MemoryStorageConfig;

/** Creates empty {@link MemoryStorage}s under the factory name {@code memory}. */
public final class MemoryStorageFactory implements StorageFactory<MemoryStorageConfig> {
    /** The factory name hosts refer to. */
    public static final String NAME = "memory";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<MemoryStorageConfig> configType() {
        return MemoryStorageConfig.class;
    }

    @Override
    public Storage create(MemoryStorageConfig config, PluginContext context) {
        return new MemoryStorage();
    }
}

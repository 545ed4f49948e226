package org.jingzhun.storage.memory;

import java.time.Clock;
import org.jingzhun.spi.storage.Storage;
import org.jingzhun.spi.storage.StorageFactory;

/** Creates storages the way a host does: through the plugin's factory named {@code memory}. */
final class MemoryStorages {
    private MemoryStorages() {
    }

    @SuppressWarnings("unchecked")
    static Storage create() {
        StorageFactory<MemoryStorageConfig> factory = (StorageFactory<MemoryStorageConfig>) new MemoryStoragePlugin()
                .storageFactories().stream().filter(f -> f.name().equals("memory")).findFirst().orElseThrow();
        return factory.create(new MemoryStorageConfig(), Clock::systemUTC);
    }
}

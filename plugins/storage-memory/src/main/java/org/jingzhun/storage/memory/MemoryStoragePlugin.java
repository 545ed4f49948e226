package org.jingzhun.storage.memory;

import java.util.List;
import org.jingzhun.spi.Plugin;
import org.jingzhun.spi.storage.StorageFactory;
import org.jingzhun.storage.memory.internal.MemoryStorageFactory;

/**
 * The in-memory storage plugin (内存存储插件), {@code storage-memory}: contributes the storage factory {@code memory},
 * whose storage keeps everything in the JVM heap and loses it when closed. Meant for tests, demos and tiny hosts; it
 * passes the same storage contract as the database backends (transactions with real rollback, optimistic locking,
 * thread safety), so code tested against it behaves the same on a database.
 */
public final class MemoryStoragePlugin implements Plugin {
    /** The plugin's stable name. */
    public static final String NAME = "storage-memory";

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
        return List.of(new MemoryStorageFactory());
    }
}

package org.jingzhun.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ServiceLoader;
import org.jingzhun.spi.Plugin;
import org.jingzhun.spi.storage.Storage;
import org.jingzhun.spi.storage.StorageFactory;
import org.jingzhun.spi.storage.StorageTransaction;
import org.jingzhun.testkit.SampleData;
import org.junit.jupiter.api.Test;

class MemoryStoragePluginTest {
    @Test
    void pluginDeclaresItsNameSpiVersionAndTheMemoryFactory() {
        Plugin plugin = new MemoryStoragePlugin();

        assertThat(plugin.name()).isEqualTo("storage-memory");
        assertThat(plugin.spiVersion()).isEqualTo(Plugin.SPI_VERSION);
        assertThat(plugin.storageFactories()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("memory");
            assertThat(f.configType()).isEqualTo(MemoryStorageConfig.class);
        });
    }

    @Test
    void pluginIsDiscoverableThroughServiceLoader() {
        assertThat(ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(MemoryStoragePlugin.class);
    }

    @Test
    void everyCreatedStorageIsNewAndEmpty() {
        @SuppressWarnings("unchecked")
        StorageFactory<MemoryStorageConfig> factory =
                (StorageFactory<MemoryStorageConfig>) new MemoryStoragePlugin().storageFactories().get(0);
        try (Storage a = factory.create(new MemoryStorageConfig(), Clock::systemUTC);
                Storage b = factory.create(new MemoryStorageConfig(), Clock::systemUTC)) {
            a.inTransaction(tx -> tx.households().insert(new SampleData().household()));

            long inB = b.inTransaction(tx -> tx.households().countWithin(SampleData.COUNTY));
            assertThat(inB).isZero();
            assertThat(a.describe()).isEqualTo("memory");
        }
    }

    @Test
    void aClosedStorageRefusesWork() {
        Storage storage = MemoryStorages.create();
        storage.close();

        assertThatThrownBy(() -> storage.inTransaction(tx -> null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTransactionUsedAfterItsUnitOfWorkEndedIsRefused() {
        Storage storage = MemoryStorages.create();
        StorageTransaction leaked = storage.inTransaction(tx -> tx);

        assertThatThrownBy(() -> leaked.households().countWithin(SampleData.COUNTY))
                .isInstanceOf(IllegalStateException.class);
    }
}

package org.jingzhun.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.util.List;
import java.util.Map;
import org.jingzhun.core.registry.HouseholdRegistry;
import org.jingzhun.spi.Plugin;
import org.jingzhun.spi.error.ConfigurationException;
import org.jingzhun.spi.region.Region;
import org.jingzhun.storage.memory.MemoryStoragePlugin;
import org.junit.jupiter.api.Test;

class BuilderAndModuleTest {

    @Test
    void guiceModuleProvidesOneInstanceAndItsCapabilities() {
        Injector injector = Guice.createInjector(new JingzhunModule(
                b -> b.plugin(new MemoryStoragePlugin()).storage("memory")));
        Jingzhun jz = injector.getInstance(Jingzhun.class);
        try {
            assertThat(injector.getInstance(Jingzhun.class)).isSameAs(jz);
            assertThat(injector.getInstance(HouseholdRegistry.class)).isSameAs(jz.registry());
            jz.regions().define(Fixtures.COUNTY_OFFICER,
                    List.of(new Region(Fixtures.COUNTY, "贵池区", 1000, false)), "setup");
            assertThat(jz.regions().tree(Fixtures.COUNTY_OFFICER, Fixtures.COUNTY).size()).isEqualTo(1);
        } finally {
            jz.close();
        }
    }

    @Test
    void serviceLoaderDiscoveryIsOptIn() {
        assertThatThrownBy(() -> Jingzhun.builder().storage("memory").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("no storage named 'memory'");
        try (Jingzhun jz = Jingzhun.builder().discoverPlugins().storage("memory").build()) {
            assertThat(jz.plugins()).extracting(Plugin::name).contains(new MemoryStoragePlugin().name());
        }
    }

    @Test
    void unknownConfigKeysAreReportedWithThePlugin() {
        assertThatThrownBy(() -> Jingzhun.builder().plugin(new MemoryStoragePlugin())
                .storage("memory", Map.of("colour", "blue", "password", "hunter2")).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("storage memory").hasMessageContaining("colour")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void pluginBuiltForAnotherSpiIsRefusedAtLoad() {
        Plugin old = new Plugin() {
            @Override
            public String name() {
                return "old-plugin";
            }

            @Override
            public int spiVersion() {
                return Plugin.SPI_VERSION + 1;
            }
        };
        assertThatThrownBy(() -> Jingzhun.builder().plugin(old).plugin(new MemoryStoragePlugin()).storage("memory")
                .build()).isInstanceOf(ConfigurationException.class).hasMessageContaining("old-plugin")
                .satisfies(e -> assertThat(((ConfigurationException) e).messageZh()).contains("插件"));
    }
}

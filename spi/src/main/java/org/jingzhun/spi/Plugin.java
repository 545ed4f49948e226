package org.jingzhun.spi;

import java.util.List;
import org.jingzhun.spi.crosscheck.CrossCheckSource;
import org.jingzhun.spi.event.EventListener;
import org.jingzhun.spi.exchange.ExchangeFormatFactory;
import org.jingzhun.spi.policy.PolicyPack;
import org.jingzhun.spi.plan.MeasureSuggestions;
import org.jingzhun.spi.quality.QualityPackFactory;
import org.jingzhun.spi.storage.StorageFactory;

/**
 * The single entry point of a Jingzhun plugin (插件). Every extension method defaults to empty, so a plugin overrides
 * only what it contributes. Hosts register plugins explicitly ({@code Jingzhun.builder().plugin(new MyPlugin())});
 * listing the class in {@code META-INF/services/org.jingzhun.spi.Plugin} makes it discoverable when the host opts in.
 *
 * <p>{@link #spiVersion()} must be implemented as {@code return Plugin.SPI_VERSION;}: the constant is compiled into
 * the plugin, so the host can tell which SPI it was built against and refuse an incompatible one at load.
 */
public interface Plugin {
    /** Version of this SPI. Bumped on every incompatible change. */
    int SPI_VERSION = 1;

    /** Stable plugin name, e.g. {@code storage-jdbc}. */
    String name();

    /** The SPI version the plugin was compiled against; implement as {@code return Plugin.SPI_VERSION;}. */
    int spiVersion();

    default List<StorageFactory<?>> storageFactories() {
        return List.of();
    }

    default List<EventListener> eventListeners() {
        return List.of();
    }

    /** Policy packs (政策包) this plugin contributes; the host checks their configuration and overlaps at start-up. */
    default List<PolicyPack> policyPacks() {
        return List.of();
    }

    /** Other departments' lists to cross-check applicants and households against (数据比对). */
    default List<CrossCheckSource> crossCheckSources() {
        return List.of();
    }

    /** Sector data pushes that raise relapse-monitoring leads (防返贫监测部门预警). */
    default List<org.jingzhun.spi.monitoring.MonitoringLeadSource> monitoringLeadSources() {
        return List.of();
    }

    /**
     * Cause-to-measure mappings (因户施策) that override core's built-in default for households inside each mapping's
     * region scope; the most specific scope wins.
     */
    default List<MeasureSuggestions> measureSuggestions() {
        return List.of();
    }

    /** File formats households can be imported from and exported to (交换格式), chosen by name. */
    default List<ExchangeFormatFactory<?>> exchangeFormats() {
        return List.of();
    }

    /**
     * Data-quality rule packs (数据质量规则包) this plugin contributes, each in force with its default configuration
     * unless the host configures it by its factory's name like any plugin configuration.
     */
    default List<QualityPackFactory<?>> qualityPacks() {
        return List.of();
    }
}

package org.jingzhun.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jingzhun.core.crosscheck.CrossCheckService;
import org.jingzhun.core.internal.AccessGuard;
import org.jingzhun.core.internal.BeanValidation;
import org.jingzhun.core.internal.ConfigBinder;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.EventBus;
import org.jingzhun.core.internal.JsonCodec;
import org.jingzhun.core.internal.PluginLoader;
import org.jingzhun.spi.Plugin;
import org.jingzhun.spi.PluginContext;
import org.jingzhun.core.policy.PolicyEngine;
import org.jingzhun.spi.crosscheck.CrossCheckSource;
import org.jingzhun.spi.monitoring.MonitoringLeadSource;
import org.jingzhun.spi.policy.PolicyPack;
import org.jingzhun.spi.error.ConfigurationException;
import org.jingzhun.spi.event.EventListener;
import org.jingzhun.spi.quality.QualityPack;
import org.jingzhun.spi.quality.QualityPackFactory;
import org.jingzhun.spi.storage.Storage;
import org.jingzhun.spi.storage.StorageFactory;
import org.jingzhun.spi.exchange.ExchangeFormat;
import org.jingzhun.spi.exchange.ExchangeFormatFactory;

/**
 * Plain builder of a {@link Jingzhun}. Plugins are registered explicitly; {@link #discoverPlugins()} adds those on the
 * class path when the host opts in. Storage is chosen by factory name with key/value configuration, bound to the
 * plugin's typed config and validated.
 */
public final class JingzhunBuilder {
    private final List<Plugin> plugins = new ArrayList<>();
    private final List<EventListener> listeners = new ArrayList<>();
    private final List<PolicyPack> policyPacks = new ArrayList<>();
    private final List<CrossCheckSource> crossCheckSources = new ArrayList<>();
    private final List<MonitoringLeadSource> leadSources = new ArrayList<>();
    private Clock clock = Clock.systemDefaultZone();
    private String storageName;
    private Map<String, Object> storageConfig = Map.of();
    private Storage storage;
    private final Map<String, Map<String, Object>> formatConfigs = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> qualityConfigs = new LinkedHashMap<>();

    JingzhunBuilder() {
    }

    public JingzhunBuilder plugin(Plugin plugin) {
        plugins.add(plugin);
        return this;
    }

    /** Adds every plugin listed in {@code META-INF/services/org.jingzhun.spi.Plugin} (opt-in). */
    public JingzhunBuilder discoverPlugins() {
        plugins.addAll(PluginLoader.discover(Thread.currentThread().getContextClassLoader()));
        return this;
    }

    /** The clock of every timestamp and date decision (notice periods, effective dates); injectable for tests. */
    public JingzhunBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Uses the storage factory of that name with default configuration. */
    public JingzhunBuilder storage(String name) {
        return storage(name, Map.of());
    }

    /** Uses the storage factory of that name with the given configuration properties. */
    public JingzhunBuilder storage(String name, Map<String, ?> config) {
        this.storageName = name;
        this.storageConfig = new LinkedHashMap<>(config);
        this.storage = null;
        return this;
    }

    /** Uses an already created storage (the instance is closed with Jingzhun). */
    public JingzhunBuilder storage(Storage instance) {
        this.storage = instance;
        this.storageName = null;
        return this;
    }

    /**
     * Configures the exchange format of that name (every format of a registered plugin is available with its default
     * configuration; this binds and validates key/value properties to its typed configuration instead).
     */
    public JingzhunBuilder exchangeFormat(String name, Map<String, ?> config) {
        formatConfigs.put(name, new LinkedHashMap<>(config));
        return this;
    }

    public JingzhunBuilder eventListener(EventListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Adds a policy pack directly (packs of registered plugins are added automatically). */
    public JingzhunBuilder policyPack(PolicyPack pack) {
        policyPacks.add(pack);
        return this;
    }

    /** Adds a cross-check source directly, e.g. a {@code CsvCrossCheckSource} (plugins' sources are added too). */
    public JingzhunBuilder crossCheckSource(CrossCheckSource source) {
        crossCheckSources.add(source);
        return this;
    }

    /** Adds a sector data push for monitoring leads directly (plugins' sources are added too). */
    public JingzhunBuilder monitoringLeadSource(MonitoringLeadSource source) {
        leadSources.add(source);
        return this;
    }

    /**
     * Configures the data-quality pack of that name (数据质量规则包): rules switched off, parameters and severities,
     * bound to the pack factory's typed configuration and validated at build. Packs not configured run as shipped.
     */
    public JingzhunBuilder qualityPack(String name, Map<String, ?> config) {
        qualityConfigs.put(name, new LinkedHashMap<>(config));
        return this;
    }

    public Jingzhun build() {
        List<Plugin> checked = PluginLoader.check(plugins);
        JsonCodec json = new JsonCodec();
        BeanValidation validation = new BeanValidation(clock);
        PluginContext pluginContext = () -> clock;
        List<PolicyPack> packs = new ArrayList<>(policyPacks);
        Map<PolicyPack, String> pluginOfPack = new java.util.IdentityHashMap<>();
        List<CrossCheckSource> sources = new ArrayList<>(crossCheckSources);
        List<MonitoringLeadSource> leads = new ArrayList<>(leadSources);
        checked.forEach(p -> {
            p.policyPacks().forEach(pack -> {
                packs.add(pack);
                pluginOfPack.put(pack, p.name());
            });
            sources.addAll(p.crossCheckSources());
            leads.addAll(p.monitoringLeadSources());
        });
        PluginLoader.byName("cross-check source", sources, CrossCheckSource::name);
        PluginLoader.byName("monitoring lead source", leads, MonitoringLeadSource::name);
        // Checked before storage is created, so a misconfigured pack never leaves a half-opened database behind.
        PolicyEngine engine;
        List<QualityPack> qualityPacks;
        try {
            engine = new PolicyEngine(packs, pack -> pluginOfPack.getOrDefault(pack, PolicyEngine.HOST),
                    config -> validation.validate("policy config", config));
            qualityPacks = qualityPacks(checked, new ConfigBinder(json, validation), pluginContext);
        } catch (RuntimeException e) {
            validation.close();
            throw e;
        }
        Map<String, ExchangeFormat> formats = createFormats(checked, new ConfigBinder(json, validation),
                pluginContext);
        Storage chosen = storage != null ? storage : createStorage(checked, json, validation, pluginContext);
        List<EventListener> allListeners = new ArrayList<>(listeners);
        checked.forEach(p -> allListeners.addAll(p.eventListeners()));
        CoreContext ctx = new CoreContext(chosen, clock, json, validation, new AccessGuard(), new EventBus(allListeners));
        return new Jingzhun(ctx, validation, checked, engine, new CrossCheckService(ctx, sources), leads, formats,
                qualityPacks);
    }

    private List<QualityPack> qualityPacks(List<Plugin> checked, ConfigBinder binder, PluginContext pc) {
        List<QualityPackFactory<?>> factories = new ArrayList<>();
        checked.forEach(p -> factories.addAll(p.qualityPacks()));
        Map<String, QualityPackFactory<?>> byName = PluginLoader.byName("quality pack", factories,
                QualityPackFactory::name);
        for (String name : qualityConfigs.keySet()) {
            if (!byName.containsKey(name)) {
                throw new ConfigurationException("config.unknown_quality_pack", name, byName.keySet());
            }
        }
        List<QualityPack> out = new ArrayList<>();
        byName.forEach((name, f) -> out.add(createPack(f, binder, pc, qualityConfigs.getOrDefault(name, Map.of()))));
        return out;
    }

    private static <C> QualityPack createPack(QualityPackFactory<C> factory, ConfigBinder binder, PluginContext pc,
            Map<String, Object> config) {
        C bound = binder.bind("quality pack " + factory.name(), factory.configType(), config);
        return factory.create(bound, pc);
    }

    private Storage createStorage(List<Plugin> checked, JsonCodec json, BeanValidation validation, PluginContext pc) {
        if (storageName == null) {
            throw new ConfigurationException("config.no_storage");
        }
        List<StorageFactory<?>> factories = new ArrayList<>();
        checked.forEach(p -> factories.addAll(p.storageFactories()));
        Map<String, StorageFactory<?>> byName = PluginLoader.byName("storage", factories, StorageFactory::name);
        StorageFactory<?> factory = byName.get(storageName);
        if (factory == null) {
            throw new ConfigurationException("config.unknown_storage", storageName, byName.keySet());
        }
        return create(factory, new ConfigBinder(json, validation), pc);
    }

    private <C> Storage create(StorageFactory<C> factory, ConfigBinder binder, PluginContext pc) {
        C config = binder.bind("storage " + factory.name(), factory.configType(), storageConfig);
        return factory.create(config, pc);
    }

    /** Every plugin's exchange formats, by unique name, each created from its bound and validated configuration. */
    private Map<String, ExchangeFormat> createFormats(List<Plugin> checked, ConfigBinder binder, PluginContext pc) {
        List<ExchangeFormatFactory<?>> factories = new ArrayList<>();
        checked.forEach(p -> factories.addAll(p.exchangeFormats()));
        Map<String, ExchangeFormatFactory<?>> byName = PluginLoader.byName("exchange format", factories,
                ExchangeFormatFactory::name);
        for (String configured : formatConfigs.keySet()) {
            if (!byName.containsKey(configured)) {
                throw new ConfigurationException("exchange.unknown_format", configured, byName.keySet());
            }
        }
        Map<String, ExchangeFormat> out = new LinkedHashMap<>();
        byName.forEach((name, factory) -> out.put(name, createFormat(factory, binder, pc)));
        return out;
    }

    private <C> ExchangeFormat createFormat(ExchangeFormatFactory<C> factory, ConfigBinder binder, PluginContext pc) {
        C config = binder.bind("exchange format " + factory.name(), factory.configType(),
                formatConfigs.getOrDefault(factory.name(), Map.of()));
        return factory.create(config, pc);
    }
}

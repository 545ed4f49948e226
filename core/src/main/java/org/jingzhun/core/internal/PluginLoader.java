package org.jingzhun.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.jingzhun.spi.Plugin;
import org.jingzhun.spi.error.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks plugins at load (SPI version, unique names) and offers opt-in ServiceLoader discovery. Each kind of
 * extension is then kept in its own small registry.
 */
public final class PluginLoader {
    private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);

    private PluginLoader() {
    }

    /** Plugins listed in {@code META-INF/services/org.jingzhun.spi.Plugin} on the class path. */
    public static List<Plugin> discover(ClassLoader loader) {
        List<Plugin> found = new ArrayList<>();
        for (Plugin p : ServiceLoader.load(Plugin.class, loader)) {
            LOG.info("Discovered plugin {} ({})", p.name(), p.getClass().getName());
            found.add(p);
        }
        return found;
    }

    /**
     * Refuses incompatible plugins and any name registered twice, even by the same class (found by discovery and
     * also registered explicitly): silently keeping one would hide which configuration is in force.
     */
    public static List<Plugin> check(List<Plugin> plugins) {
        Map<String, Plugin> byName = new LinkedHashMap<>();
        for (Plugin p : plugins) {
            if (p.spiVersion() != Plugin.SPI_VERSION) {
                throw new ConfigurationException("config.spi_version", p.name(), p.spiVersion(), Plugin.SPI_VERSION);
            }
            if (byName.putIfAbsent(p.name(), p) != null) {
                throw new ConfigurationException("config.duplicate_plugin", p.name());
            }
        }
        return List.copyOf(byName.values());
    }

    /** Extensions of one kind by their stable name; two of the same name is a configuration error. */
    public static <T> Map<String, T> byName(String kind, List<T> extensions, java.util.function.Function<T, String> name) {
        Map<String, T> out = new LinkedHashMap<>();
        for (T e : extensions) {
            if (out.putIfAbsent(name.apply(e), e) != null) {
                throw switch (kind) {
                    case "storage" -> new ConfigurationException("config.duplicate_storage", name.apply(e));
                    case "cross-check source" -> new ConfigurationException("config.duplicate_cross_check_source",
                            name.apply(e));
                    default -> new ConfigurationException("config.duplicate_extension", kind, name.apply(e));
                };
            }
        }
        return out;
    }
}

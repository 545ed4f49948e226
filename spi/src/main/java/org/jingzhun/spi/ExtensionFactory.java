package org.jingzhun.spi;

/**
 * Creates one kind of extension from a typed configuration. The host binds the configuration from key/value
 * properties into {@link #configType()} (a record with Bean Validation constraints), reports every violation and
 * unknown key together, then calls {@link #create}.
 *
 * @param <C> configuration record
 * @param <T> what is created
 */
public interface ExtensionFactory<C, T> {
    /** Stable name hosts refer to, e.g. {@code memory}, {@code jdbc}. */
    String name();

    Class<C> configType();

    T create(C config, PluginContext context);
}

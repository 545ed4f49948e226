package org.jingzhun.spi.event;

/**
 * Receives committed changes (for search indexes, notifications, data exchange). A listener that throws is logged and
 * does not affect the change or other listeners.
 */
@FunctionalInterface
public interface EventListener {
    void onEvent(RegistryEvent event);
}

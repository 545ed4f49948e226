package org.jingzhun.core.internal;

import java.util.List;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.event.EventListener;
import org.jingzhun.spi.event.RegistryEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers committed changes to listeners; a failing listener is logged and skipped. */
public final class EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);
    private final List<EventListener> listeners;

    public EventBus(List<EventListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public void publish(List<AuditEntry> committed) {
        for (AuditEntry e : committed) {
            RegistryEvent event = new RegistryEvent(e);
            for (EventListener l : listeners) {
                try {
                    l.onEvent(event);
                } catch (RuntimeException ex) {
                    LOG.warn("Event listener {} failed on {} {}", l.getClass().getName(), e.entityType(), e.action(), ex);
                }
            }
        }
    }
}

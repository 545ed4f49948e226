package org.jingzhun.spi.event;

import org.jingzhun.spi.audit.AuditEntry;

/**
 * Notification that a change was committed, carrying its audit entry. Listeners run after commit and cannot undo it.
 */
public record RegistryEvent(AuditEntry entry) {
}

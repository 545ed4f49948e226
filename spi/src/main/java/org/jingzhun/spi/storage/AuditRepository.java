package org.jingzhun.spi.storage;

import java.util.List;
import org.jingzhun.spi.audit.AuditEntry;

/** The append-only audit log: entries can be added and read, never changed or deleted. */
public interface AuditRepository {
    /** Appends an entry and returns it with its assigned sequence. */
    AuditEntry append(AuditEntry entry);

    /**
     * Appends entries in order, with as few round trips as the backend allows (the bulk path core uses at the end of
     * every unit of work). Returns them with their assigned sequences, in input order.
     */
    default List<AuditEntry> appendAll(List<AuditEntry> entries) {
        return entries.stream().map(this::append).toList();
    }

    /** Every entry about one entity, in sequence order. */
    List<AuditEntry> findByEntity(String entityType, String entityId);

    /** Entries in a county, newest first. */
    Page<AuditEntry> findByCounty(String countyCode, PageRequest page);
}

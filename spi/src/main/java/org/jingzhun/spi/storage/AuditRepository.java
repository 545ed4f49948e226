package org.jingzhun.spi.storage;

import java.util.List;
import org.jingzhun.spi.audit.AuditEntry;

/** The append-only audit log: entries can be added and read, never changed or deleted. */
public interface AuditRepository {
    /** Appends an entry and returns it with its assigned sequence. */
    AuditEntry append(AuditEntry entry);

    /** Every entry about one entity, in sequence order. */
    List<AuditEntry> findByEntity(String entityType, String entityId);

    /** Entries in a county, newest first. */
    Page<AuditEntry> findByCounty(String countyCode, PageRequest page);
}

package org.jingzhun.storage.memory.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.storage.AuditRepository;
import org.jingzhun.spi.storage.Page;
import org.jingzhun.spi.storage.PageRequest;

/** The audit log as seen by one unit of work. */
final class MemoryAuditRepository implements AuditRepository {
    private final AuditLog log;
    private final UnitOfWork unit;

    MemoryAuditRepository(AuditLog log, UnitOfWork unit) {
        this.log = log;
        this.unit = unit;
    }

    @Override
    public AuditEntry append(AuditEntry entry) {
        unit.check();
        return log.append(entry, unit.undo());
    }

    @Override
    public List<AuditEntry> findByEntity(String entityType, String entityId) {
        unit.check();
        return log.ofEntity(entityType, entityId);
    }

    @Override
    public Page<AuditEntry> findByCounty(String countyCode, PageRequest page) {
        unit.check();
        List<AuditEntry> newestFirst = new ArrayList<>(log.ofCounty(countyCode));
        Collections.reverse(newestFirst);
        return Pages.slice(newestFirst, page);
    }
}

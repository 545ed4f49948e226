package org.jingzhun.storage.memory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.audit.AuditQuery;
import org.jingzhun.spi.storage.AuditRepository;

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
    public List<AuditEntry> find(AuditQuery query) {
        unit.check();
        List<AuditEntry> county = log.ofCounty(query.countyCode());
        List<AuditEntry> out = new ArrayList<>(Math.min(query.limit(), county.size()));
        for (int i = county.size() - 1; i >= 0 && out.size() < query.limit(); i--) {
            AuditEntry e = county.get(i);
            if (query.matches(e)) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public void forEachInCounty(String countyCode, Predicate<AuditEntry> action) {
        unit.check();
        // A copy: the action may append to the log within the same unit of work.
        for (AuditEntry e : List.copyOf(log.ofCounty(countyCode))) {
            if (!action.test(e)) {
                return;
            }
        }
    }
}

package org.jingzhun.storage.memory.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jingzhun.spi.audit.AuditChain;
import org.jingzhun.spi.audit.AuditEntry;

/**
 * The append-only audit log with two indexes (by entity, by county), each list in sequence order. Each county has its
 * own sequence and hash chain, extended under the storage lock, so writers cannot fork it. Entries are immutable
 * records; undo removes the last entries appended, and nothing else ever removes or replaces one.
 */
final class AuditLog {
    private final Map<String, List<AuditEntry>> byEntity = new HashMap<>();
    private final Map<String, List<AuditEntry>> byCounty = new HashMap<>();

    AuditEntry append(AuditEntry entry, UndoLog undo) {
        List<AuditEntry> ofCounty = byCounty.computeIfAbsent(entry.countyCode(), k -> new ArrayList<>());
        AuditEntry last = ofCounty.isEmpty() ? null : ofCounty.get(ofCounty.size() - 1);
        AuditEntry stored = AuditChain.link(entry, last == null ? 1 : last.sequence() + 1,
                last == null ? AuditChain.GENESIS : last.hash());
        List<AuditEntry> ofEntity =
                byEntity.computeIfAbsent(entityKey(stored.entityType(), stored.entityId()), k -> new ArrayList<>());
        ofEntity.add(stored);
        ofCounty.add(stored);
        undo.record(() -> {
            ofEntity.remove(ofEntity.size() - 1);
            ofCounty.remove(ofCounty.size() - 1);
        });
        return stored;
    }

    List<AuditEntry> ofEntity(String entityType, String entityId) {
        return List.copyOf(byEntity.getOrDefault(entityKey(entityType, entityId), List.of()));
    }

    /** Entries of a county, oldest first (the live list: read it under the lock only). */
    List<AuditEntry> ofCounty(String countyCode) {
        return byCounty.getOrDefault(countyCode, List.of());
    }

    private static String entityKey(String entityType, String entityId) {
        return entityType + '\u0000' + entityId;
    }
}

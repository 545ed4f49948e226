package org.jingzhun.storage.memory.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jingzhun.spi.audit.AuditEntry;

/**
 * The append-only audit log with its sequence counter and two indexes (by entity, by county), each list in sequence
 * order. Undo removes the last entries appended; nothing else ever removes one.
 */
final class AuditLog {
    private final Map<String, List<AuditEntry>> byEntity = new HashMap<>();
    private final Map<String, List<AuditEntry>> byCounty = new HashMap<>();
    private long lastSequence;

    AuditEntry append(AuditEntry entry, UndoLog undo) {
        long previous = lastSequence;
        AuditEntry stored = entry.withSequence(++lastSequence);
        List<AuditEntry> ofEntity =
                byEntity.computeIfAbsent(entityKey(stored.entityType(), stored.entityId()), k -> new ArrayList<>());
        List<AuditEntry> ofCounty =
                byCounty.computeIfAbsent(stored.countyCode(), k -> new ArrayList<>());
        ofEntity.add(stored);
        ofCounty.add(stored);
        undo.record(() -> {
            ofEntity.remove(ofEntity.size() - 1);
            ofCounty.remove(ofCounty.size() - 1);
            lastSequence = previous;
        });
        return stored;
    }

    List<AuditEntry> ofEntity(String entityType, String entityId) {
        return List.copyOf(byEntity.getOrDefault(entityKey(entityType, entityId), List.of()));
    }

    /** Entries of a county, oldest first. */
    List<AuditEntry> ofCounty(String countyCode) {
        return byCounty.getOrDefault(countyCode, List.of());
    }

    private static String entityKey(String entityType, String entityId) {
        return entityType + '\u0000' + entityId;
    }
}

package org.jingzhun.core.registry;

import java.time.Instant;
import java.util.List;

/**
 * One change in a household's history (变更记录): when, who, what was done and why, and the fields it altered.
 *
 * @param entityType {@code household} for card changes, {@code income} for income statements, or a workflow kind
 */
public record HistoryEntry(long sequence, Instant at, String actorId, String actorName, String entityType,
        String action, String reason, List<FieldChange> changes) {
    public HistoryEntry {
        changes = List.copyOf(changes);
    }
}

package org.jingzhun.storage.memory.internal;

import org.jingzhun.spi.error.ConflictException;
import org.jingzhun.spi.error.NotFoundException;

/**
 * The optimistic-lock rule shared by households, income statements and documents: version 0 inserts and must not
 * collide; any other version must equal the stored one.
 */
final class VersionRule {
    private VersionRule() {
    }

    /** Refuses an insert when a record with the same key is stored. */
    static void requireAbsent(String kind, String id, Object stored) {
        if (stored != null) {
            throw new ConflictException("storage.duplicate", kind, id);
        }
    }

    /** Refuses a change of a record that is missing, or was stored with another version than {@code expected}. */
    static void requireCurrent(String kind, String id, Long storedVersion, long expected) {
        if (storedVersion == null) {
            throw new NotFoundException("storage.not_found", kind, id);
        }
        if (storedVersion != expected) {
            throw new ConflictException("storage.version_conflict", kind, id, expected, storedVersion);
        }
    }
}

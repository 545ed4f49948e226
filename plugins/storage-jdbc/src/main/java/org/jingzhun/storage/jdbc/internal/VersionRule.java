package org.jingzhun.storage.jdbc.internal;

import org.jingzhun.spi.error.ConflictException;
import org.jingzhun.spi.error.NotFoundException;

/**
 * The optimistic-lock rule: a guarded UPDATE or DELETE ({@code … WHERE key AND version = :expected}) that changed no
 * row means the record is missing or another writer changed it; which one decides the error.
 */
final class VersionRule {
    private VersionRule() {
    }

    /** Throws the error for a guarded write that changed nothing; {@code stored} is the version now stored, or null. */
    static RuntimeException lostWrite(String kind, String id, long expected, Long stored) {
        if (stored == null) {
            return new NotFoundException("storage.not_found", kind, id);
        }
        return new ConflictException("storage.version_conflict", kind, id, expected, stored);
    }

    /**
     * Whether a guarded write of a batch changed no row, from its update count. {@code SUCCESS_NO_INFO} counts as
     * written: only MariaDB answers so, and only after the rows were locked while their versions were checked
     * ({@link Dialect#lockingRead()}).
     */
    static boolean missed(int updateCount) {
        return updateCount == 0;
    }

    static ConflictException duplicate(String kind, String id) {
        return new ConflictException("storage.duplicate", kind, id);
    }

    static ConflictException duplicate(String kind, String id, Throwable cause) {
        return new ConflictException("storage.duplicate", cause, kind, id);
    }
}

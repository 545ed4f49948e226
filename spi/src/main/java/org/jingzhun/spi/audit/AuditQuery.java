package org.jingzhun.spi.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * Which entries of one county's audit log to read (审计查询), newest first, one page at a time: optionally within a
 * period, by one actor and about one subject. Pages are keyset pages: the next page starts below the last sequence
 * seen ({@code beforeSequence}), so every page costs the same however deep it is.
 *
 * @param countyCode     the 6-digit county whose log is read
 * @param from           earliest time included, or null
 * @param to             time before which entries are included (exclusive), or null
 * @param actorId        only entries by this actor, or null
 * @param entityType     only entries about this kind of record, or null
 * @param entityId       only entries about this record (with {@code entityType}), or null
 * @param beforeSequence only entries with a lower sequence (the last sequence of the previous page), or null
 * @param limit          at most this many entries, 1 to 1000
 */
public record AuditQuery(String countyCode, Instant from, Instant to, String actorId, String entityType,
        String entityId, Long beforeSequence, int limit) {
    /** The largest page. */
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        Objects.requireNonNull(countyCode, "countyCode");
        if (countyCode.length() != 6) {
            throw new IllegalArgumentException("county code must have 6 digits: " + countyCode);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
        }
        if (entityId != null && entityType == null) {
            throw new IllegalArgumentException("an entity id needs its entity type");
        }
    }

    /** The newest {@code limit} entries of a county, unfiltered. */
    public static AuditQuery county(String countyCode, int limit) {
        return new AuditQuery(countyCode, null, null, null, null, null, null, limit);
    }

    /** The same query for the page after the one that ended at {@code lastSequence}. */
    public AuditQuery after(long lastSequence) {
        return new AuditQuery(countyCode, from, to, actorId, entityType, entityId, lastSequence, limit);
    }

    /** The same query restricted to {@code [from, to)}; either may be null. */
    public AuditQuery during(Instant from, Instant to) {
        return new AuditQuery(countyCode, from, to, actorId, entityType, entityId, beforeSequence, limit);
    }

    /** The same query restricted to entries by one actor. */
    public AuditQuery byActor(String actorId) {
        return new AuditQuery(countyCode, from, to, actorId, entityType, entityId, beforeSequence, limit);
    }

    /** The same query restricted to entries about one record. */
    public AuditQuery about(String entityType, String entityId) {
        return new AuditQuery(countyCode, from, to, actorId, entityType, entityId, beforeSequence, limit);
    }

    /** Whether {@code e} passes the filters (the county, period, actor, subject and keyset), for in-memory backends. */
    public boolean matches(AuditEntry e) {
        return e.countyCode().equals(countyCode)
                && (from == null || !e.at().isBefore(from))
                && (to == null || e.at().isBefore(to))
                && (actorId == null || actorId.equals(e.actorId()))
                && (entityType == null || entityType.equals(e.entityType()))
                && (entityId == null || entityId.equals(e.entityId()))
                && (beforeSequence == null || e.sequence() < beforeSequence);
    }
}

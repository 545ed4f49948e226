package org.jingzhun.spi.audit;

import java.time.Instant;
import java.util.Objects;
import org.jingzhun.spi.region.RegionCode;

/**
 * One line of the append-only audit log (操作日志): who changed what, when, why, with the JSON of the record before
 * and after the change ({@code null} before a creation, {@code null} after a deletion). A change confined to known
 * fields may log just those fields on both sides: a household's status change logs {@code status} and
 * {@code version} only. Each county's entries form a hash chain ({@link AuditChain}): storage assigns the sequence,
 * the hash of the county's previous entry and the entry's own hash when it appends.
 *
 * @param sequence   position in the county's log assigned by storage (0 before it is stored), increasing
 * @param entityType {@code household}, {@code income}, {@code identification}, …
 * @param action     {@code register}, {@code amend}, {@code remove}, {@code approve}, …
 * @param prevHash   hex SHA-256 of the county's previous entry ({@link AuditChain#GENESIS} for the first), null
 *                   before storage
 * @param hash       hex SHA-256 of this entry ({@link AuditChain#hash}), null before storage
 */
public record AuditEntry(
        long sequence,
        String entityType,
        String entityId,
        RegionCode region,
        String action,
        String actorId,
        String actorName,
        Instant at,
        String reason,
        String before,
        String after,
        String prevHash,
        String hash) {

    public AuditEntry {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(at, "at");
        // Microseconds: the finest instant every supported database keeps.
        at = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** An entry not yet stored: no sequence and no chain links. */
    public AuditEntry(long sequence, String entityType, String entityId, RegionCode region, String action,
            String actorId, String actorName, Instant at, String reason, String before, String after) {
        this(sequence, entityType, entityId, region, action, actorId, actorName, at, reason, before, after, null,
                null);
    }

    /** The 6-digit county code, the distribution key. */
    public String countyCode() {
        return region.countyCode();
    }
}

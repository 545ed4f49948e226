package org.jingzhun.spi.audit;

import java.time.Instant;
import java.util.Objects;
import org.jingzhun.spi.region.RegionCode;

/**
 * One line of the append-only audit log (操作日志): who changed what, when, why, with the JSON of the record before
 * and after the change ({@code null} before a creation, {@code null} after a deletion). A change confined to known
 * fields may log just those fields on both sides: a household's status change logs {@code status} and
 * {@code version} only.
 *
 * @param sequence   position in the log assigned by storage (0 before it is stored), increasing
 * @param entityType {@code household}, {@code income}, {@code identification}, …
 * @param action     {@code register}, {@code amend}, {@code remove}, {@code approve}, …
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
        String after) {

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

    /** The 6-digit county code, the distribution key. */
    public String countyCode() {
        return region.countyCode();
    }

    public AuditEntry withSequence(long seq) {
        return new AuditEntry(seq, entityType, entityId, region, action, actorId, actorName, at, reason, before, after);
    }
}

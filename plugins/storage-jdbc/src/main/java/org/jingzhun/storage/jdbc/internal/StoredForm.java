package org.jingzhun.storage.jdbc.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Housing;
import org.jingzhun.spi.household.LandHolding;

/**
 * Records as the database gives them back (decimals with scale 2, timestamps to the microsecond), computed in Java so
 * that a write returns exactly what a later read returns without reading the row again.
 */
final class StoredForm {
    private StoredForm() {
    }

    static Household household(Household h, long version) {
        Housing housing = h.housing() == null ? null
                : new Housing(scale2(h.housing().area()), h.housing().structure(), h.housing().buildYear(),
                        h.housing().safety());
        LandHolding land = h.land() == null ? null
                : new LandHolding(scale2(h.land().arable()), scale2(h.land().irrigated()), scale2(h.land().forest()));
        return h.toBuilder()
                .housing(housing)
                .land(land)
                .mutualAid(h.mutualAidMember(), scale2(h.mutualAidContribution()))
                .version(version)
                .build();
    }

    static AuditEntry auditEntry(AuditEntry e, long sequence) {
        return new AuditEntry(sequence, e.entityType(), e.entityId(), e.region(), e.action(), e.actorId(),
                e.actorName(), e.at().truncatedTo(ChronoUnit.MICROS), e.reason(), e.before(), e.after());
    }

    private static BigDecimal scale2(BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
    }
}

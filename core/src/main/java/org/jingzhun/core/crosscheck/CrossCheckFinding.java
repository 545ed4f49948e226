package org.jingzhun.core.crosscheck;

import java.time.Instant;
import org.jingzhun.spi.crosscheck.CrossCheckHit;

/**
 * A cross-check hit on a case (比对疑点) and whether a reviewer cleared it (核销): who, when and why. An uncleared
 * finding blocks approval.
 */
public record CrossCheckFinding(CrossCheckHit hit, boolean cleared, String clearedBy, Instant clearedAt,
        String reason) {
    public static CrossCheckFinding open(CrossCheckHit hit) {
        return new CrossCheckFinding(hit, false, null, null, null);
    }

    public CrossCheckFinding clear(String by, Instant at, String why) {
        return new CrossCheckFinding(hit, true, by, at, why);
    }
}

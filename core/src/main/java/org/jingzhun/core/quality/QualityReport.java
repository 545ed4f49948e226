package org.jingzhun.core.quality;

import java.util.List;
import org.jingzhun.spi.region.RegionCode;

/**
 * Per-township fix lists (整改清单) of a data-quality scan: findings grouped by township, village and household, in
 * code and id order, each household's findings errors first.
 */
public record QualityReport(QualityScan scan, List<Township> townships) {

    /** A township's fix list (乡镇整改清单). */
    public record Township(RegionCode code, String name, List<Village> villages) {
    }

    /** A village's part of a fix list. */
    public record Village(RegionCode code, String name, List<HouseholdFixes> households) {
    }

    /** A household's findings; the head's name for finding the household on the ground. */
    public record HouseholdFixes(String householdId, String headName, List<QualityFinding> findings) {
    }
}

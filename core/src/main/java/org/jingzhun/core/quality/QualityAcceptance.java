package org.jingzhun.core.quality;

import java.time.Instant;
import org.jingzhun.spi.region.RegionCode;

/**
 * A finding accepted with a reason (问题确认无误): the rule, record and field it concerns in a household and the data
 * version it was accepted on. While the household's records keep that version the finding is not reported again.
 *
 * @param id the acceptance's id, {@code <householdId>.<hash of pack, rule, record, field>}
 */
public record QualityAcceptance(String id, String householdId, RegionCode region, String pack, String rule,
        String recordRef, String field, String dataVersion, String reason, String acceptedBy, Instant acceptedAt) {
}

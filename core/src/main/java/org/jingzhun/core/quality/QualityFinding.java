package org.jingzhun.core.quality;

import org.jingzhun.spi.quality.RecordKind;
import org.jingzhun.spi.quality.Severity;
import org.jingzhun.spi.region.RegionCode;

/**
 * A data-quality finding as a reader sees it (数据质量问题): rule, severity, household, record and field, with the
 * message and fix hint rendered in zh-CN and en. The quoted value and the messages are masked by the reader's
 * profile, so a reader without VIEW_PERSONAL_DATA never receives an unmasked ID, phone, bank account, address or
 * health detail. Pass it back to {@link QualityService#accept} to accept it.
 *
 * @param year        the year checked
 * @param value       the quoted stored value, masked as the reader may see it, or null
 * @param dataVersion the versions of the records the finding was computed from; an acceptance holds only while
 *                    they are unchanged
 * @param failed      the rule itself failed on this household (the message names the error)
 */
public record QualityFinding(String pack, String rule, Severity severity, String householdId, RegionCode region,
        int year, RecordKind record, String recordRef, String memberName, String field, String value,
        String messageZh, String messageEn, String fixZh, String fixEn, String dataVersion, boolean failed) {
}

package org.jingzhun.core.exchange;

import org.jingzhun.core.disclosure.MaskingProfile;

/**
 * What an export wrote (导出结果): the media type and file extension a host needs for a download, the masking
 * profile applied, the households exported and the data rows written (all sheets).
 */
public record ExportResult(String mediaType, String fileExtension, MaskingProfile profile, long households,
        long rows) {
}

package org.jingzhun.exchange.xlsx;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Configuration of the {@code xlsx} format (Excel 格式配置): the limits that keep a hostile workbook from exhausting
 * the host. Left {@code null}, each takes its default.
 *
 * @param maxFileBytes         largest workbook accepted, default 1 GiB
 * @param maxEntries           most zip entries accepted, default 10,000
 * @param maxUncompressedBytes most bytes all entries may expand to, default 8 GiB
 * @param maxCompressionRatio  highest expansion ratio of an entry larger than 1 MiB, default 200
 */
public record XlsxConfig(
        @Min(1024) Long maxFileBytes,
        @Min(1) @Max(1_000_000) Integer maxEntries,
        @Min(1024) Long maxUncompressedBytes,
        @Min(2) @Max(100_000) Integer maxCompressionRatio) {
    public XlsxConfig {
        maxFileBytes = maxFileBytes == null ? 1L << 30 : maxFileBytes;
        maxEntries = maxEntries == null ? 10_000 : maxEntries;
        maxUncompressedBytes = maxUncompressedBytes == null ? 8L << 30 : maxUncompressedBytes;
        maxCompressionRatio = maxCompressionRatio == null ? 200 : maxCompressionRatio;
    }

    /** The default limits. */
    public static XlsxConfig defaults() {
        return new XlsxConfig(null, null, null, null);
    }
}

package org.jingzhun.exchange.json;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Configuration of the {@code ndjson} format (NDJSON 格式配置).
 *
 * @param maxLineChars longest line accepted on input, 1 KiB – 64 MiB, default 4 MiB
 */
public record JsonConfig(@Min(1024) @Max(67_108_864) Integer maxLineChars) {
    public JsonConfig {
        maxLineChars = maxLineChars == null ? 4 * 1024 * 1024 : maxLineChars;
    }

    /** The default configuration. */
    public static JsonConfig defaults() {
        return new JsonConfig(null);
    }
}

package org.jingzhun.exchange.csv;

import jakarta.validation.constraints.Pattern;

/**
 * Configuration of the {@code csv} format (CSV 格式配置).
 *
 * @param separator field separator, one character among {@code , ; | TAB}, default comma
 */
public record CsvConfig(@Pattern(regexp = "[,;|\t]") String separator) {
    public CsvConfig {
        separator = separator == null ? "," : separator;
    }

    /** The default configuration: comma-separated. */
    public static CsvConfig defaults() {
        return new CsvConfig(null);
    }
}

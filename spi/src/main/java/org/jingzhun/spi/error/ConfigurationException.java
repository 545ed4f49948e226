package org.jingzhun.spi.error;

/**
 * A plugin or host configuration is invalid: unknown keys, bad values, overlapping policy packs, an incompatible SPI version.
 */
public class ConfigurationException extends JingzhunException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String code, Object... args) {
        super(code, args);
    }

    public ConfigurationException(String code, Throwable cause, Object... args) {
        super(code, cause, args);
    }
}

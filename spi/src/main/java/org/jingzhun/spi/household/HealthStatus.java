package org.jingzhun.spi.household;

import org.jingzhun.spi.CodedEnum;

/** Health (健康状况). */
public enum HealthStatus implements CodedEnum {
    HEALTHY("1", "健康"),
    CHRONIC_ILLNESS("2", "长期慢性病"),
    SERIOUS_ILLNESS("3", "患有大病"),
    DISABLED("4", "残疾");

    private final String code;
    private final String label;

    HealthStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }
}

package org.jingzhun.spi.household;

import org.jingzhun.spi.CodedEnum;

/** Household type (贫困户属性) on the registration card. */
public enum HouseholdType implements CodedEnum {
    GENERAL_POOR("1", "一般贫困户"),
    LOW_ALLOWANCE_POOR("2", "低保贫困户"),
    LOW_ALLOWANCE("3", "低保户"),
    FIVE_GUARANTEES("4", "五保户");

    private final String code;
    private final String label;

    HouseholdType(String code, String label) {
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

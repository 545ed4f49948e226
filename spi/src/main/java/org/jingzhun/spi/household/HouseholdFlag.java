package org.jingzhun.spi.household;

import org.jingzhun.spi.CodedEnum;

/** Special household flags on the card. */
public enum HouseholdFlag implements CodedEnum {
    MILITARY_FAMILY("1", "军烈属"),
    ONE_CHILD("2", "独生子女户"),
    TWO_DAUGHTERS("3", "双女户");

    private final String code;
    private final String label;

    HouseholdFlag(String code, String label) {
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

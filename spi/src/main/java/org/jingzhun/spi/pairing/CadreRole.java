package org.jingzhun.spi.pairing;

import org.jingzhun.spi.CodedEnum;

/** What kind of official a cadre is for pairing (干部类别): a leader with villages, or staff who take households. */
public enum CadreRole implements CodedEnum {
    CITY_LEADER("1", "市级领导"),
    COUNTY_LEADER("2", "县(区)级领导"),
    UNIT_STAFF("3", "帮扶单位干部职工"),
    TOWNSHIP_STAFF("4", "乡镇(街道)干部"),
    VILLAGE_CADRE("5", "村两委干部");

    private final String code;
    private final String label;

    CadreRole(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** Whether the role is a leading cadre who contacts villages (领导定点联系). */
    public boolean leader() {
        return this == CITY_LEADER || this == COUNTY_LEADER;
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

package org.jingzhun.spi.pairing;

import org.jingzhun.spi.CodedEnum;

/** Administrative level of a helping unit or of a leading cadre (单位/领导级别). */
public enum UnitLevel implements CodedEnum {
    PROVINCE("1", "省直"),
    CITY("2", "市直"),
    COUNTY("3", "县(区)直"),
    TOWNSHIP("4", "乡镇(街道)"),
    VILLAGE("5", "村两委"),
    ENTERPRISE("6", "企业"),
    SOCIAL("7", "社会组织");

    private final String code;
    private final String label;

    UnitLevel(String code, String label) {
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

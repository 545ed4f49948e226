package org.jingzhun.spi.household;

import org.jingzhun.spi.CodedEnum;

/** Where a member works away from home (务工状况). */
public enum MigrantWork implements CodedEnum {
    NONE("0", "未外出务工"),
    WITHIN_TOWNSHIP("1", "乡(镇)内务工"),
    WITHIN_COUNTY("2", "县内乡外务工"),
    WITHIN_PROVINCE("3", "省内县外务工"),
    OUTSIDE_PROVINCE("4", "省外务工");

    private final String code;
    private final String label;

    MigrantWork(String code, String label) {
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

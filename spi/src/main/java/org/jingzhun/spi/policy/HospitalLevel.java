package org.jingzhun.spi.policy;

import org.jingzhun.spi.CodedEnum;

/** Level of the hospital a cost was incurred at (医疗机构级别); health policies cap costs by level. */
public enum HospitalLevel implements CodedEnum {
    TOWNSHIP("1", "乡镇卫生院"),
    COUNTY("2", "县级医院"),
    PREFECTURE("3", "市级医院"),
    PROVINCIAL("4", "省级医院");

    private final String code;
    private final String label;

    HospitalLevel(String code, String label) {
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

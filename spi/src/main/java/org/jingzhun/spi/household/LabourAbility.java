package org.jingzhun.spi.household;

import org.jingzhun.spi.CodedEnum;

/** Labour ability (劳动技能). */
public enum LabourAbility implements CodedEnum {
    ORDINARY("1", "普通劳动力"),
    SKILLED("2", "技能劳动力"),
    LOST("3", "丧失劳动力"),
    NONE("4", "无劳动力");

    private final String code;
    private final String label;

    LabourAbility(String code, String label) {
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

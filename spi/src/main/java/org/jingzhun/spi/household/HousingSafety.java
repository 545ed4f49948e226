package org.jingzhun.spi.household;

import org.jingzhun.spi.CodedEnum;

/** Dwelling safety rating (住房安全等级); C and D are dilapidated (危房). */
public enum HousingSafety implements CodedEnum {
    SAFE("A", "安全(A/B级)"),
    C_LEVEL("C", "C级危房"),
    D_LEVEL("D", "D级危房"),
    NO_HOUSING("N", "无住房");

    private final String code;
    private final String label;

    HousingSafety(String code, String label) {
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

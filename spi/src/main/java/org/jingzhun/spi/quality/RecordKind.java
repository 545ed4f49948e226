package org.jingzhun.spi.quality;

import org.jingzhun.spi.CodedEnum;

/** The record a data-quality finding is about (问题所在记录). */
public enum RecordKind implements CodedEnum {
    HOUSEHOLD("H", "户信息"),
    MEMBER("M", "家庭成员"),
    INCOME("I", "收入信息"),
    MONITORING("N", "监测对象信息"),
    PAIRING("P", "结对帮扶信息");

    private final String code;
    private final String label;

    RecordKind(String code, String label) {
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

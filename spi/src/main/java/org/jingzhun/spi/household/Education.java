package org.jingzhun.spi.household;

import org.jingzhun.spi.CodedEnum;

/** Highest education (文化程度). */
public enum Education implements CodedEnum {
    ILLITERATE("1", "文盲或半文盲"),
    PRIMARY("2", "小学"),
    JUNIOR_SECONDARY("3", "初中"),
    SENIOR_SECONDARY("4", "高中"),
    COLLEGE("5", "大专及以上"),
    PRE_SCHOOL("6", "学龄前儿童");

    private final String code;
    private final String label;

    Education(String code, String label) {
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

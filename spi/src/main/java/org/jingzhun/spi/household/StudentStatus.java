package org.jingzhun.spi.household;

import org.jingzhun.spi.CodedEnum;

/** Current schooling (在校生状况); schooling stages carry education costs and Yulu eligibility. */
public enum StudentStatus implements CodedEnum {
    NOT_STUDENT("0", "非在校生"),
    PRE_SCHOOL("1", "学前教育"),
    PRIMARY("2", "小学"),
    GRADE_7_9("3", "七至九年级"),
    SENIOR("4", "高中一至三年级"),
    SECONDARY_VOCATIONAL("5", "中职一至三年级"),
    HIGHER_VOCATIONAL("6", "高职一至三年级"),
    COLLEGE("7", "大专及以上");

    private final String code;
    private final String label;

    StudentStatus(String code, String label) {
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

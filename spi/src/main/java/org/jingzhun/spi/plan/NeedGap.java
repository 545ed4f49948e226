package org.jingzhun.spi.plan;

import org.jingzhun.spi.CodedEnum;

/**
 * A gap in the basic needs (两不愁三保障缺口) or in income that a plan must close: unsafe housing, unsafe drinking
 * water, no electricity, a child of compulsory-school age out of school, a member without basic medical insurance,
 * or per-capita income below the plan's income goal.
 */
public enum NeedGap implements CodedEnum {
    INCOME("1", "收入未达标"),
    HOUSING("2", "住房不安全"),
    DRINKING_WATER("3", "饮水不安全"),
    ELECTRICITY("4", "未通生活用电"),
    COMPULSORY_EDUCATION("5", "义务教育阶段失学辍学"),
    MEDICAL_INSURANCE("6", "未参加基本医疗保险");

    private final String code;
    private final String label;

    NeedGap(String code, String label) {
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

package org.jingzhun.spi.policy;

import org.jingzhun.spi.CodedEnum;

/**
 * A circumstance that excludes a household from registration whatever its declared income (不予识别情形), as found by
 * the village or by data comparison with other departments.
 */
public enum ExclusionFactor implements CodedEnum {
    VEHICLE("1", "家庭成员拥有小汽车等机动车"),
    COMMERCIAL_HOUSING("2", "在城镇购买商品房"),
    BUSINESS("3", "经营或投资企业(工商注册)"),
    PUBLIC_EMPLOYEE("4", "家庭成员为财政供养人员"),
    OTHER("9", "其他");

    private final String code;
    private final String label;

    ExclusionFactor(String code, String label) {
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

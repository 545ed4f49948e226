package org.jingzhun.spi.funds;

import org.jingzhun.spi.CodedEnum;

/** Who donates or claims a project in social participation (社会扶贫). */
public enum DonorKind implements CodedEnum {
    ENTERPRISE("1", "企业"),
    ORGANISATION("2", "社会组织"),
    INDIVIDUAL("3", "个人"),
    OTHER("9", "其他");

    private final String code;
    private final String label;

    DonorKind(String code, String label) {
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

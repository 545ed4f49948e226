package org.jingzhun.spi.quality;

import org.jingzhun.spi.CodedEnum;

/** How serious a data-quality finding is (问题等级): errors must be fixed, warnings checked, infos noted. */
public enum Severity implements CodedEnum {
    ERROR("E", "错误"),
    WARNING("W", "警告"),
    INFO("I", "提示");

    private final String code;
    private final String label;

    Severity(String code, String label) {
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

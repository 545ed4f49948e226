package org.jingzhun.spi.household;

import org.jingzhun.spi.CodedEnum;

/** Social insurance a member is enrolled in. */
public enum Insurance implements CodedEnum {
    RURAL_MEDICAL("1", "城乡居民基本医疗保险(新农合)"),
    SERIOUS_ILLNESS("2", "大病保险"),
    RURAL_PENSION("3", "城乡居民基本养老保险");

    private final String code;
    private final String label;

    Insurance(String code, String label) {
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

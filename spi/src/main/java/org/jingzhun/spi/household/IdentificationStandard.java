package org.jingzhun.spi.household;

import org.jingzhun.spi.CodedEnum;

/** Income line the household was identified under (识别标准). */
public enum IdentificationStandard implements CodedEnum {
    NATIONAL("1", "国家标准"),
    PROVINCIAL("2", "省定标准"),
    MUNICIPAL("3", "市定标准");

    private final String code;
    private final String label;

    IdentificationStandard(String code, String label) {
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

package org.jingzhun.spi.policy;

import org.jingzhun.spi.CodedEnum;

/** Unit of verified output for awards instead of subsidies (以奖代补): area in mu (亩) or livestock heads (头/只). */
public enum OutputUnit implements CodedEnum {
    MU("1", "亩"),
    HEAD("2", "头(只)");

    private final String code;
    private final String label;

    OutputUnit(String code, String label) {
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

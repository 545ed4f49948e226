package org.jingzhun.spi.household;

import org.jingzhun.spi.CodedEnum;

/** Poverty cause (致贫原因): one main and up to two other causes per household. */
public enum PovertyCause implements CodedEnum {
    ILLNESS("01", "因病"),
    DISABILITY("02", "因残"),
    SCHOOLING("03", "因学"),
    DISASTER("04", "因灾"),
    LACK_OF_LAND("05", "缺土地"),
    LACK_OF_WATER("06", "缺水"),
    LACK_OF_SKILLS("07", "缺技术"),
    LACK_OF_LABOUR("08", "缺劳力"),
    LACK_OF_CAPITAL("09", "缺资金"),
    POOR_TRANSPORT("10", "交通条件落后"),
    LACK_OF_MOTIVATION("11", "自身发展动力不足"),
    MARRIAGE("12", "因婚"),
    OTHER("99", "其他");

    private final String code;
    private final String label;

    PovertyCause(String code, String label) {
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

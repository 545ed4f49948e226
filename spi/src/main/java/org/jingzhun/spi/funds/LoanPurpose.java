package org.jingzhun.spi.funds;

import org.jingzhun.spi.CodedEnum;

/**
 * What a loan is for (借款用途). Poverty microcredit and mutual-aid loans are for production only; the non-production
 * purposes exist so that such an application can be recorded and refused with a clear reason.
 */
public enum LoanPurpose implements CodedEnum {
    PLANTING("01", "种植业"),
    BREEDING("02", "养殖业"),
    PROCESSING("03", "农产品加工"),
    RURAL_TOURISM("04", "乡村旅游"),
    COMMERCE("05", "商贸流通"),
    OTHER_PRODUCTION("06", "其他生产经营"),
    CONSUMPTION("90", "生活消费"),
    HOUSE_BUILDING("91", "建房"),
    OTHER("99", "其他");

    private final String code;
    private final String label;

    LoanPurpose(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** Whether the purpose is production (生产经营), the only use poverty loans may serve. */
    public boolean production() {
        return code.compareTo("90") < 0;
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

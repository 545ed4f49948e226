package org.jingzhun.spi.plan;

import org.jingzhun.spi.CodedEnum;

/**
 * Where the money of a measure or project comes from (资金来源): special poverty funds, integrated sector funds, the
 * helping unit, credit, social donations, or the household itself.
 */
public enum FundingSource implements CodedEnum {
    SPECIAL_FUND("01", "财政专项扶贫资金"),
    SECTOR_FUND("02", "行业部门(整合)资金"),
    HELPING_UNIT("03", "帮扶单位资金"),
    CREDIT("04", "信贷资金"),
    SOCIAL("05", "社会帮扶资金"),
    SELF_FUNDED("06", "自筹"),
    OTHER("99", "其他");

    private final String code;
    private final String label;

    FundingSource(String code, String label) {
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

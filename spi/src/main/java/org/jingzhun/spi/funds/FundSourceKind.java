package org.jingzhun.spi.funds;

import org.jingzhun.spi.CodedEnum;

/**
 * Where money comes from (资金来源), the one list used by the funds ledger and by plans and measures: the four levels
 * of fiscal special poverty funds (财政专项扶贫资金), integrated sector funds pooled for poverty use (统筹整合涉农资金),
 * funds of helping units (单位帮扶资金), social donations (社会捐赠), bank credit (信贷资金), the household's own money
 * (自筹) and others. A plan that does not yet know the fiscal level of its special funds uses
 * {@link #COUNTY_FISCAL}: the county pools and spends them (资金项目审批权限下放到县).
 */
public enum FundSourceKind implements CodedEnum {
    CENTRAL_FISCAL("01", "中央财政专项扶贫资金"),
    PROVINCIAL_FISCAL("02", "省级财政专项扶贫资金"),
    MUNICIPAL_FISCAL("03", "市级财政专项扶贫资金"),
    COUNTY_FISCAL("04", "县级财政专项扶贫资金"),
    INTEGRATED_SECTOR("05", "统筹整合涉农资金"),
    UNIT_PAIRING("06", "单位帮扶资金"),
    SOCIAL_DONATION("07", "社会捐赠资金"),
    CREDIT("08", "信贷资金"),
    SELF_FUNDED("09", "自筹资金"),
    OTHER("99", "其他资金");

    private final String code;
    private final String label;

    FundSourceKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** Whether the money is fiscal special poverty money of one of the four levels. */
    public boolean fiscal() {
        return this == CENTRAL_FISCAL || this == PROVINCIAL_FISCAL || this == MUNICIPAL_FISCAL || this == COUNTY_FISCAL;
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

package org.jingzhun.spi.funds;

import org.jingzhun.spi.CodedEnum;

/**
 * Who receives a disbursement (收款方): a registered household, a supplier or contractor, a village mutual-aid fund (its
 * fiscal capital), the county risk compensation fund (its deposit), a lending bank (e.g. interest subsidy) or another
 * body.
 */
public enum PayeeKind implements CodedEnum {
    HOUSEHOLD("1", "农户"),
    SUPPLIER("2", "供应商/施工单位"),
    MUTUAL_AID_FUND("3", "村级互助资金"),
    RISK_FUND("4", "风险补偿金"),
    LENDER("5", "贷款银行"),
    OTHER("9", "其他单位");

    private final String code;
    private final String label;

    PayeeKind(String code, String label) {
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

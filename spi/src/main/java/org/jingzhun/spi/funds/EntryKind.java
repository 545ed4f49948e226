package org.jingzhun.spi.funds;

import org.jingzhun.spi.CodedEnum;

/**
 * The kind of a movement of money in the funds ledger (资金流水类型). A reversal (冲销) carries the kind of the entry it
 * counters and names it in {@link LedgerEntry#reverses()}.
 */
public enum EntryKind implements CodedEnum {
    ALLOCATION("01", "资金分配"),
    DISBURSEMENT("02", "资金拨付"),
    MUTUAL_AID_CONTRIBUTION("03", "互助资金入股"),
    MUTUAL_AID_LOAN("04", "互助资金借款"),
    MUTUAL_AID_REPAYMENT("05", "互助资金还款"),
    MUTUAL_AID_FEE("06", "互助资金占用费"),
    MICROCREDIT_ISSUE("07", "小额信贷发放"),
    MICROCREDIT_REPAYMENT("08", "小额信贷还款"),
    RISK_COMPENSATION("09", "风险补偿金代偿");

    private final String code;
    private final String label;

    EntryKind(String code, String label) {
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

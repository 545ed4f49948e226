package org.jingzhun.spi.household;

import org.jingzhun.spi.CodedEnum;

/**
 * One line of a household's yearly income (收入构成). Items are grouped as wages, production/business, property and
 * transfer income; some transfers are one-off or policy payments that localities may exclude from the income that
 * counts for a stable exit ({@link #oneOff()}), so which items count is a policy parameter, not a constant.
 */
public enum IncomeItem implements CodedEnum {
    WAGES("101", "工资性收入", Category.WAGES, false),
    PRODUCTION("201", "生产经营性收入", Category.PRODUCTION, false),
    PROPERTY("301", "财产性收入(资产收益)", Category.PROPERTY, false),
    FAMILY_PLANNING("401", "计划生育金", Category.TRANSFER, false),
    LOW_ALLOWANCE("402", "低保金", Category.TRANSFER, false),
    FIVE_GUARANTEES("403", "五保/特困供养金", Category.TRANSFER, false),
    PENSION("404", "养老金", Category.TRANSFER, false),
    ECOLOGICAL_COMPENSATION("405", "生态补偿金", Category.TRANSFER, false),
    OTHER_TRANSFER("409", "其他转移性收入", Category.TRANSFER, false),
    YULU_GRANT("451", "雨露计划补助", Category.TRANSFER, true),
    MEDICAL_REIMBURSEMENT("452", "医疗报销及救助", Category.TRANSFER, true),
    HOUSING_GRANT("453", "危房改造补助", Category.TRANSFER, true),
    OUTPUT_AWARD("454", "以奖代补资金", Category.TRANSFER, true),
    INSURANCE_PAYOUT("455", "保险赔付", Category.TRANSFER, true),
    DONATION("456", "社会捐赠", Category.TRANSFER, true);

    /** The four income groups of the statistics. */
    public enum Category { WAGES, PRODUCTION, PROPERTY, TRANSFER }

    private final String code;
    private final String label;
    private final Category category;
    private final boolean oneOff;

    IncomeItem(String code, String label, Category category, boolean oneOff) {
        this.code = code;
        this.label = label;
        this.category = category;
        this.oneOff = oneOff;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    public Category category() {
        return category;
    }

    /** A one-off or policy payment that some localities do not count towards a stable exit. */
    public boolean oneOff() {
        return oneOff;
    }
}

package org.jingzhun.spi.monitoring;

import org.jingzhun.spi.CodedEnum;

/** The sector whose data push raised a monitoring lead (部门筛查预警): medical, disaster, civil affairs, employment. */
public enum LeadSector implements CodedEnum {
    /** High medical costs (医保部门: 高额医疗费用). */
    MEDICAL("1", "医保"),
    /** Natural disaster losses (应急管理部门: 受灾). */
    DISASTER("2", "应急管理"),
    /** Civil affairs: minimum allowance, disability, hardship relief (民政、残联). */
    CIVIL_AFFAIRS("3", "民政"),
    /** Unemployment or lost migrant work (人社部门: 失业、务工中断). */
    EMPLOYMENT("4", "人社");

    private final String code;
    private final String label;

    LeadSector(String code, String label) {
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

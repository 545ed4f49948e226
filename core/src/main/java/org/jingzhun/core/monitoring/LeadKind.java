package org.jingzhun.core.monitoring;

import org.jingzhun.spi.CodedEnum;

/** How a monitoring lead came in (监测线索来源): the household's own report, a cadre's visit or a sector's data. */
public enum LeadKind implements CodedEnum {
    SELF_REPORT("1", "农户自主申报"),
    CADRE_VISIT("2", "干部走访排查"),
    SECTOR("3", "部门筛查预警");

    private final String code;
    private final String label;

    LeadKind(String code, String label) {
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

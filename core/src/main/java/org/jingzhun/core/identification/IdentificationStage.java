package org.jingzhun.core.identification;


/** Where an identification case stands in the entry procedure (识别程序环节). REGISTERED, REJECTED, WITHDRAWN are final. */
public enum IdentificationStage implements org.jingzhun.core.procedure.CaseStage {
    APPLIED("1", "农户申请(待村级评议)"),
    VILLAGE_REVIEWED("2", "村级民主评议通过"),
    FIRST_NOTICE("3", "第一次公示"),
    TOWNSHIP_REVIEWED("4", "乡镇审核通过"),
    SECOND_NOTICE("5", "第二次公示"),
    APPROVED("6", "县级审批并公告"),
    REGISTERED("7", "已建档立卡"),
    REJECTED("8", "不予识别"),
    WITHDRAWN("9", "撤回申请");

    private final String code;
    private final String label;

    IdentificationStage(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** Whether no further step is possible. */
    @Override
    public boolean terminal() {
        return this == REGISTERED || this == REJECTED || this == WITHDRAWN;
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

package org.jingzhun.core.identification;


/** Where a household exit case stands (脱贫退出程序环节). EXITED and CANCELLED are final. */
public enum ExitStage implements org.jingzhun.core.procedure.CaseStage {
    ASSESSED("1", "达标评估(预脱贫)"),
    VILLAGE_REVIEWED("2", "村级评议核实"),
    CONFIRMED("6", "拟退出户认可"),
    NOTICE("3", "村内公示"),
    ANNOUNCED("4", "公告"),
    EXITED("5", "已脱贫销号"),
    CANCELLED("9", "终止退出");

    private final String code;
    private final String label;

    ExitStage(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public boolean terminal() {
        return this == EXITED || this == CANCELLED;
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

package org.jingzhun.core.areaexit;

import org.jingzhun.core.procedure.CaseStage;

/**
 * Where a village's or county's exit case stands (贫困村出列、贫困县摘帽环节). Villages: applied → township checked →
 * notice → exited. Counties: applied → prefecture checked → province verified → exited (after the state's spot
 * check, or when not sampled). EXITED and REJECTED are final.
 */
public enum AreaExitStage implements CaseStage {
    APPLIED("1", "申请"),
    TOWNSHIP_CHECKED("2", "乡镇初审"),
    NOTICE("3", "公示"),
    PREFECTURE_CHECKED("4", "市级初审"),
    PROVINCE_VERIFIED("5", "省级核查"),
    EXITED("6", "已出列/摘帽"),
    REJECTED("9", "未通过");

    private final String code;
    private final String label;

    AreaExitStage(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public boolean terminal() {
        return this == EXITED || this == REJECTED;
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

package org.jingzhun.core.crosscheck;

import org.jingzhun.core.procedure.CaseStage;

/** Where a cross-check review stands (比对疑点核查): open, cleared (the hit is explained) or confirmed (it stands). */
public enum ReviewStage implements CaseStage {
    OPEN("1", "待核查"),
    CLEARED("2", "已核销"),
    CONFIRMED("3", "疑点属实");

    private final String code;
    private final String label;

    ReviewStage(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public boolean terminal() {
        return this != OPEN;
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

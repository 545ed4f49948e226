package org.jingzhun.spi.funds;

import org.jingzhun.spi.CodedEnum;

/**
 * Where a project stands (项目状态). Planned and running projects take allocations; completed projects may still pay
 * what they owe (e.g. retained quality money) but take no new allocations; cancelled projects neither take nor pay.
 */
public enum ProjectStatus implements CodedEnum {
    PLANNED("1", "计划"),
    IN_PROGRESS("2", "实施中"),
    COMPLETED("3", "已完工"),
    CANCELLED("9", "已取消");

    private final String code;
    private final String label;

    ProjectStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** Whether the project may receive new allocations. */
    public boolean takesAllocations() {
        return this == PLANNED || this == IN_PROGRESS;
    }

    /** Whether money may still be paid out of the project. */
    public boolean paysOut() {
        return this != CANCELLED;
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

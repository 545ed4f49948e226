package org.jingzhun.spi.plan;

import org.jingzhun.spi.CodedEnum;

/**
 * Where a measure or village project stands (实施状态): planned, in progress, done or dropped. Done and dropped are
 * final; a measure moves forward only (planned → in progress → done), and any unfinished one may be dropped.
 */
public enum MeasureStatus implements CodedEnum {
    PLANNED("1", "计划"),
    IN_PROGRESS("2", "实施中"),
    DONE("3", "已完成"),
    DROPPED("9", "已取消");

    private final String code;
    private final String label;

    MeasureStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** Whether nothing may follow this status. */
    public boolean isFinal() {
        return this == DONE || this == DROPPED;
    }

    /** Whether a measure in this status may be moved to {@code next} (staying put is always allowed). */
    public boolean canMoveTo(MeasureStatus next) {
        if (next == this) {
            return true;
        }
        if (isFinal()) {
            return false;
        }
        return next == DROPPED || next.ordinal() > ordinal();
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

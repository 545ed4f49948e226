package org.jingzhun.spi.household;

import java.util.EnumSet;
import java.util.Set;
import org.jingzhun.spi.CodedEnum;

/** Where a household stands (脱贫状态). Every status but REMOVED is active: its members' IDs are taken. */
public enum PovertyStatus implements CodedEnum {
    NOT_EXITED("1", "未脱贫"),
    PRE_EXIT("2", "预脱贫"),
    EXITED("3", "已脱贫"),
    RETURNED("4", "返贫"),
    NON_POOR("5", "非贫困户(监测对象)"),
    REMOVED("9", "已清退");

    private final String code;
    private final String label;

    PovertyStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** Whether the household still counts in the registry (its members cannot be registered elsewhere). */
    public boolean active() {
        return this != REMOVED;
    }

    /** Whether the household's members count as poor people for incidence. */
    public boolean poor() {
        return this == NOT_EXITED || this == PRE_EXIT || this == RETURNED;
    }

    /** The statuses that count as poor ({@link #poor()}), a fresh set the caller may change. */
    public static Set<PovertyStatus> poorStatuses() {
        Set<PovertyStatus> out = EnumSet.noneOf(PovertyStatus.class);
        for (PovertyStatus s : values()) {
            if (s.poor()) {
                out.add(s);
            }
        }
        return out;
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

package org.jingzhun.core.identification;

import org.jingzhun.spi.CodedEnum;

/** Why a household's membership changes (人口自然变更): arrivals add a member, departures remove one. */
public enum MemberChange implements CodedEnum {
    BIRTH("1", "出生", true),
    MARRIAGE_IN("2", "婚入", true),
    MIGRATION_IN("3", "迁入", true),
    DEATH("4", "死亡", false),
    MARRIAGE_OUT("5", "婚出", false),
    MIGRATION_OUT("6", "迁出", false);

    private final String code;
    private final String label;
    private final boolean arrival;

    MemberChange(String code, String label, boolean arrival) {
        this.code = code;
        this.label = label;
        this.arrival = arrival;
    }

    /** Whether the change adds a member. */
    public boolean arrival() {
        return arrival;
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

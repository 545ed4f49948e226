package org.jingzhun.spi.pairing;

import org.jingzhun.spi.CodedEnum;

/**
 * How a helper is tied to a village: a unit stationed in it (驻村帮扶), a unit twinned with it (结对帮扶), or a leader
 * who contacts it (领导定点联系).
 */
public enum UnitPairingKind implements CodedEnum {
    RESIDENT_UNIT("1", "驻村帮扶单位"),
    TWINNED_UNIT("2", "结对帮扶单位"),
    LEADER_CONTACT("3", "领导定点联系");

    private final String code;
    private final String label;

    UnitPairingKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** Whether the helper is a unit (its id is a helping-unit id) rather than a leading cadre. */
    public boolean unit() {
        return this != LEADER_CONTACT;
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

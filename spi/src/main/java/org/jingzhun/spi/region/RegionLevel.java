package org.jingzhun.spi.region;

/**
 * Level of an administrative area (行政区划级别) in the 12-digit statistical division code:
 * province(2) prefecture(2) county(2) township(3) village(3).
 */
public enum RegionLevel {
    PROVINCE("省", 2),
    PREFECTURE("市", 4),
    COUNTY("县/区", 6),
    TOWNSHIP("乡镇/街道", 9),
    VILLAGE("村/社区", 12);

    private final String label;
    private final int significantDigits;

    RegionLevel(String label, int significantDigits) {
        this.label = label;
        this.significantDigits = significantDigits;
    }

    /** zh-CN label. */
    public String label() {
        return label;
    }

    /** How many leading digits of the 12-digit code identify an area of this level. */
    public int significantDigits() {
        return significantDigits;
    }

    /** The next level down, or {@code null} for villages. */
    public RegionLevel child() {
        return this == VILLAGE ? null : values()[ordinal() + 1];
    }
}

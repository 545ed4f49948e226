package org.jingzhun.spi.region;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A 12-digit statistical division code (统计用区划代码): province(2) prefecture(2) county(2) township(3)
 * village(3), zero-padded below the area's level; Guichi district is {@code 341702000000}. Immutable; the JSON
 * form is the 12-digit string. Codes of areas above the village level end in zeros, so a code also works as a
 * prefix for "everything inside this area" queries ({@link #prefix()}).
 */
public record RegionCode(String value) implements Comparable<RegionCode> {

    public RegionCode {
        Objects.requireNonNull(value, "value");
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid region code '" + value + "': " + problem);
        }
    }

    /**
     * Parses a code; a 6-digit county code (GB/T 2260) or a 9-digit township code is padded with zeros to 12 digits.
     */
    @JsonCreator
    public static RegionCode of(String value) {
        Objects.requireNonNull(value, "value");
        String v = value.strip();
        if (v.length() == 6 || v.length() == 9) {
            v = (v + "000000").substring(0, 12);
        }
        return new RegionCode(v);
    }

    /** Why a string is not a valid code, or {@code null} when it is. Used by the Bean Validation constraint. */
    public static String problem(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() != 12) {
            return "must have 12 digits";
        }
        for (int i = 0; i < 12; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return "must contain digits only";
            }
        }
        if (value.startsWith("00")) {
            return "province digits cannot be 00";
        }
        // A lower level may only be set when every higher level is set.
        boolean zeroSeen = false;
        for (RegionLevel level : LEVELS_BELOW_PROVINCE) {
            boolean zero = zeroSegment(value, level);
            if (!zero && zeroSeen) {
                return "a " + level.name().toLowerCase(java.util.Locale.ROOT)
                        + " part is set under an empty higher level";
            }
            zeroSeen |= zero;
        }
        return null;
    }

    private static final RegionLevel[] LEVELS = RegionLevel.values();
    private static final RegionLevel[] LEVELS_BELOW_PROVINCE = java.util.Arrays.copyOfRange(LEVELS, 1, LEVELS.length);

    /** Whether the digits of {@code level}'s own segment are all zero; no allocation (codes are read by the million). */
    private static boolean zeroSegment(String v, RegionLevel level) {
        int start = level.ordinal() == 0 ? 0 : LEVELS[level.ordinal() - 1].significantDigits();
        for (int i = start; i < level.significantDigits(); i++) {
            if (v.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The most detailed level the code names: the level whose segment holds the last non-zero digit. */
    public RegionLevel level() {
        int last = 11;
        while (last > 0 && value.charAt(last) == '0') {
            last--;
        }
        for (RegionLevel l : LEVELS) {
            if (last < l.significantDigits()) {
                return l;
            }
        }
        return RegionLevel.VILLAGE;
    }

    /** The significant leading digits: {@code 341702} for a county, {@code 341702100} for a township. */
    public String prefix() {
        return value.substring(0, level().significantDigits());
    }

    /** The 6-digit county code (GB/T 2260) this area lies in; for a province or prefecture its own padded digits. */
    public String countyCode() {
        return value.substring(0, 6);
    }

    /** The enclosing area, or {@code null} for a province. */
    public RegionCode parent() {
        RegionLevel level = level();
        if (level == RegionLevel.PROVINCE) {
            return null;
        }
        RegionLevel up = RegionLevel.values()[level.ordinal() - 1];
        return new RegionCode((value.substring(0, up.significantDigits()) + "000000000000").substring(0, 12));
    }

    /** The same area, or the enclosing area at {@code level} (which must not be below this code's level). */
    public RegionCode ancestorAt(RegionLevel level) {
        if (level.ordinal() > level().ordinal()) {
            throw new IllegalArgumentException(value + " is above " + level);
        }
        return new RegionCode((value.substring(0, level.significantDigits()) + "000000000000").substring(0, 12));
    }

    /** Whether {@code other} is this area or lies inside it. */
    public boolean contains(RegionCode other) {
        return other.value.regionMatches(0, value, 0, level().significantDigits());
    }

    @Override
    public int compareTo(RegionCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

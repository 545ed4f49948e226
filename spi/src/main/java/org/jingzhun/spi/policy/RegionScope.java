package org.jingzhun.spi.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import org.jingzhun.spi.region.RegionCode;

/**
 * Where a policy pack applies (适用范围): a prefix of the 12-digit division code. The empty prefix is the whole
 * country; {@code 34} is Anhui province, {@code 341702} Guichi district. A longer prefix is more specific, and the
 * policy engine prefers the most specific pack in force.
 *
 * @param prefix leading digits of the division codes covered (0–12 digits)
 */
public record RegionScope(String prefix) {
    public RegionScope {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.length() > 12 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("A region scope is 0 to 12 digits, got '" + prefix + "'");
        }
    }

    /** The whole country. */
    public static RegionScope national() {
        return new RegionScope("");
    }

    /** The area named by a division code (its significant digits). */
    public static RegionScope of(RegionCode area) {
        return new RegionScope(area.prefix());
    }

    @JsonCreator
    public static RegionScope ofPrefix(String prefix) {
        return new RegionScope(prefix);
    }

    @JsonValue
    @Override
    public String prefix() {
        return prefix;
    }

    /** Whether {@code region} lies inside this scope. */
    public boolean covers(RegionCode region) {
        return region.value().startsWith(prefix);
    }

    /** How specific the scope is: the number of prefix digits (0 for national). */
    public int specificity() {
        return prefix.length();
    }

    /** Whether some division code lies in both scopes (one prefix starts with the other). */
    public boolean overlaps(RegionScope other) {
        return prefix.startsWith(other.prefix) || other.prefix.startsWith(prefix);
    }

    @Override
    public String toString() {
        return prefix.isEmpty() ? "(national)" : prefix;
    }
}

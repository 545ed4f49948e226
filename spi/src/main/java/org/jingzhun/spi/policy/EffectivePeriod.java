package org.jingzhun.spi.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When a policy pack is in force (有效期): from {@code from} to {@code until}, both inclusive; a {@code null}
 * {@code until} means open-ended.
 */
public record EffectivePeriod(LocalDate from, LocalDate until) {
    public EffectivePeriod {
        Objects.requireNonNull(from, "from");
        if (until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("Effective period ends (" + until + ") before it starts (" + from + ")");
        }
    }

    /** From a date on, with no end. */
    public static EffectivePeriod from(LocalDate from) {
        return new EffectivePeriod(from, null);
    }

    /** Whether the period is in force on {@code date}. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && (until == null || !date.isAfter(until));
    }

    /** Whether some day lies in both periods. */
    public boolean overlaps(EffectivePeriod other) {
        boolean thisEndsBefore = until != null && until.isBefore(other.from);
        boolean otherEndsBefore = other.until != null && other.until.isBefore(from);
        return !thisEndsBefore && !otherEndsBefore;
    }

    @Override
    public String toString() {
        return from + ".." + (until == null ? "" : until);
    }
}

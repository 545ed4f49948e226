package org.jingzhun.spi.quality;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One cadre pairing of a household (干部包户记录) as data-quality rules see it.
 *
 * @param to last day of responsibility, or null while open
 */
public record PairingFact(String cadreId, LocalDate from, LocalDate to) {
    public PairingFact {
        Objects.requireNonNull(cadreId, "cadreId");
        Objects.requireNonNull(from, "from");
    }

    /** Whether the pairing is in force on {@code day}. */
    public boolean activeOn(LocalDate day) {
        return !from.isAfter(day) && (to == null || !to.isBefore(day));
    }
}

package org.jingzhun.spi.pairing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.jingzhun.spi.region.RegionCode;

/**
 * A cadre–household pairing (干部包户) for a period. Reassignment closes the pairing (sets {@link #to()}) and opens a
 * new one, so the history of who was responsible when is kept.
 *
 * @param id     pairing id assigned by core
 * @param region the household's village
 * @param from   first day of responsibility
 * @param to     last day, or null while the pairing is current
 */
public record CadrePairing(
        @NotBlank String id,
        @NotBlank String householdId,
        @NotNull RegionCode region,
        @NotBlank String cadreId,
        @NotNull @jakarta.validation.constraints.PastOrPresent LocalDate from,
        LocalDate to) {

    /** Whether the pairing is in force on {@code day}. */
    public boolean activeOn(LocalDate day) {
        return !from.isAfter(day) && (to == null || !to.isBefore(day));
    }

    /** Whether the pairing has not been closed. */
    @JsonIgnore
    public boolean open() {
        return to == null;
    }

    public CadrePairing closedOn(LocalDate last) {
        return new CadrePairing(id, householdId, region, cadreId, from, last);
    }
}

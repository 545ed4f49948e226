package org.jingzhun.spi.pairing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.jingzhun.spi.region.RegionCode;

/**
 * A helper–village pairing (单位包村, or a leader's 定点联系) for a period: a helping unit (or a leading cadre when
 * {@link #kind()} is {@code LEADER_CONTACT}) responsible for a village. Ending it sets {@link #to()}; the record stays.
 *
 * @param id       pairing id assigned by core
 * @param helperId the helping unit's id, or the leading cadre's id
 * @param to       last day, or null while current
 */
public record UnitPairing(
        @NotBlank String id,
        @NotNull RegionCode village,
        @NotNull UnitPairingKind kind,
        @NotBlank String helperId,
        @NotNull @jakarta.validation.constraints.PastOrPresent LocalDate from,
        LocalDate to) {

    public boolean activeOn(LocalDate day) {
        return !from.isAfter(day) && (to == null || !to.isBefore(day));
    }

    public UnitPairing closedOn(LocalDate last) {
        return new UnitPairing(id, village, kind, helperId, from, last);
    }
}

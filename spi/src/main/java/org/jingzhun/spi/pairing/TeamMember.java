package org.jingzhun.spi.pairing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A member of a resident work team for a period (驻村工作队队员), e.g. the team leader (队长) or first secretary
 * (第一书记).
 *
 * @param role what the member does in the team, e.g. {@code 第一书记}
 * @param to   last day stationed, or null while stationed
 */
public record TeamMember(
        @NotBlank String cadreId,
        @NotBlank @Size(max = 30) String role,
        @NotNull @jakarta.validation.constraints.PastOrPresent LocalDate from,
        LocalDate to) {

    public boolean activeOn(LocalDate day) {
        return !from.isAfter(day) && (to == null || !to.isBefore(day));
    }
}

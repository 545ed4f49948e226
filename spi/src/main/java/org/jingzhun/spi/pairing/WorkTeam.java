package org.jingzhun.spi.pairing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jingzhun.spi.region.RegionCode;

/**
 * A resident work team (驻村扶贫工作队) stationed in a village for a period, sent by a helping unit, with its members
 * and their own periods. Members who leave keep their line with an end date.
 *
 * @param id     team id assigned by core
 * @param unitId the dispatching helping unit, or null
 * @param to     last day the team is stationed, or null while stationed
 */
public record WorkTeam(
        @NotBlank String id,
        @NotNull RegionCode village,
        @NotBlank @Size(max = 60) String name,
        String unitId,
        @NotNull @jakarta.validation.constraints.PastOrPresent LocalDate from,
        LocalDate to,
        @NotNull @Size(max = 30) List<@Valid @NotNull TeamMember> members) {

    public WorkTeam {
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** Whether the team is stationed on {@code day} with at least one member stationed. */
    public boolean stationedOn(LocalDate day) {
        boolean teamActive = !from.isAfter(day) && (to == null || !to.isBefore(day));
        return teamActive && members.stream().anyMatch(m -> m.activeOn(day));
    }
}

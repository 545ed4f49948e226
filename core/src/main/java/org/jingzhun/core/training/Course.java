package org.jingzhun.core.training;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jingzhun.spi.region.RegionCode;

/**
 * A course (培训班) run in an area in a year: skills training for labourers, a Yulu plan school year, or cadre
 * training, with its planned hours, provider and participants.
 *
 * @param id    assigned by core (a county running number); {@code null} when creating
 * @param hours planned class hours
 */
public record Course(
        String id,
        @NotNull RegionCode region,
        @Min(2000) @Max(2100) int year,
        @NotNull TrainingKind kind,
        @NotBlank @Size(max = 100) String title,
        @Size(max = 100) String provider,
        @Min(0) @Max(5000) int hours,
        @NotNull LocalDate startOn,
        List<Participant> participants) {

    public Course {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    Course withId(String newId) {
        return new Course(newId, region, year, kind, title, provider, hours, startOn, participants);
    }

    Course withParticipants(List<Participant> ps) {
        return new Course(id, region, year, kind, title, provider, hours, startOn, new ArrayList<>(ps));
    }
}

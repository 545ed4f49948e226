package org.jingzhun.spi.policy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jingzhun.spi.household.StudentStatus;
import org.jingzhun.spi.person.CitizenId;

/**
 * A member enrolled in education in the year (在读学生), the input of the Yulu plan (雨露计划) and similar subsidies.
 *
 * @param semesters semesters enrolled in the year (0–2); subsidies are paid per semester
 */
public record VocationalStudent(
        @NotNull CitizenId student,
        @NotNull StudentStatus level,
        @Min(0) @Max(2) int semesters) {
}

package org.jingzhun.spi.household;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.person.Sex;

/**
 * A member of a household (家庭成员), as on the registration card. Sex and birth date are derived from the citizen ID
 * and so cannot disagree with it.
 *
 * @param ethnicity    two-digit GB 3304 code, {@code 01} Han … {@code 56}, {@code 97}/{@code 98} other
 * @param monthsWorked months of migrant work in the year (0–12)
 */
public record Member(
        @NotBlank @Size(max = 50) String name,
        @NotNull @org.jingzhun.spi.person.NotFuture CitizenId citizenId,
        @NotNull Relationship relationship,
        @NotNull @Pattern(regexp = "0[1-9]|[1-4][0-9]|5[0-6]|9[78]") String ethnicity,
        @NotNull Education education,
        @NotNull StudentStatus studentStatus,
        @NotNull HealthStatus health,
        @NotNull LabourAbility labourAbility,
        @NotNull MigrantWork migrantWork,
        @Min(0) @Max(12) int monthsWorked,
        @NotNull Set<@NotNull Insurance> insurances,
        boolean servingSoldier) {

    public Member {
        insurances = insurances == null ? Set.of() : Set.copyOf(insurances);
    }

    /** A member with ordinary defaults (Han, healthy, ordinary labour, insured for medical care) for brevity. */
    public static Member of(String name, CitizenId id, Relationship relationship) {
        return new Member(name, id, relationship, "01", Education.JUNIOR_SECONDARY, StudentStatus.NOT_STUDENT,
                HealthStatus.HEALTHY, LabourAbility.ORDINARY, MigrantWork.NONE, 0, Set.of(Insurance.RURAL_MEDICAL),
                false);
    }

    @JsonIgnore
    public Sex sex() {
        return citizenId.sex();
    }

    @JsonIgnore
    public LocalDate birthDate() {
        return citizenId.birthDate();
    }

    public Member withHealth(HealthStatus h) {
        return new Member(name, citizenId, relationship, ethnicity, education, studentStatus, h, labourAbility,
                migrantWork, monthsWorked, insurances, servingSoldier);
    }

    public Member withStudentStatus(StudentStatus s) {
        return new Member(name, citizenId, relationship, ethnicity, education, s, health, labourAbility,
                migrantWork, monthsWorked, insurances, servingSoldier);
    }

    public Member withLabour(LabourAbility l, MigrantWork w, int months) {
        return new Member(name, citizenId, relationship, ethnicity, education, studentStatus, health, l, w, months,
                insurances, servingSoldier);
    }
}

package org.jingzhun.spi.policy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.Objects;

/**
 * The ages of compulsory education (义务教育阶段) as a pack sets them for its region: a child is of school age when
 * its age in full years on the first day of the school year is between {@code firstAge} and {@code lastAge}. The
 * Compulsory Education Law has children start at six and the nine years end at about fifteen, so the default is
 * 6–15 on 1 September; the exact cut-off day is local practice and a parameter. The basic-needs check of the
 * packs and the plan drafter both read this one definition.
 *
 * @param firstAge  first age (full years) of compulsory education
 * @param lastAge   last age (full years) of compulsory education
 * @param yearStart the day a school year starts and ages are counted on
 */
public record SchoolAge(@Min(0) @Max(20) int firstAge, @Min(0) @Max(20) int lastAge, @NotNull MonthDay yearStart) {
    public SchoolAge {
        Objects.requireNonNull(yearStart, "yearStart");
        if (firstAge > lastAge) {
            throw new IllegalArgumentException("school age " + firstAge + "–" + lastAge + " is empty");
        }
    }

    /** 6–15 full years on 1 September. */
    public static SchoolAge defaults() {
        return new SchoolAge(6, 15, MonthDay.of(9, 1));
    }

    /**
     * Whether someone born on {@code birthDate} is of school age in the school year running on {@code date}: the
     * year that started on the last {@link #yearStart} on or before it.
     */
    public boolean covers(LocalDate birthDate, LocalDate date) {
        LocalDate start = yearStart.atYear(date.getYear());
        if (start.isAfter(date)) {
            start = yearStart.atYear(date.getYear() - 1);
        }
        if (birthDate.isAfter(start)) {
            return false;
        }
        int age = Period.between(birthDate, start).getYears();
        return age >= firstAge && age <= lastAge;
    }
}

package org.jingzhun.core.plan;

import java.time.LocalDate;
import org.jingzhun.spi.plan.Measure;
import org.jingzhun.spi.region.RegionCode;

/**
 * An assistance measure past its deadline and not finished (逾期未完成的帮扶措施): which household plan it belongs
 * to, the measure itself and how many days it is late on the day asked about. Carries no personal data: the
 * household is named by its registry id only.
 *
 * @param village     the household's village
 * @param householdId the household whose plan holds the measure
 * @param year        the plan year
 * @param measure     the measure as stored
 * @param daysLate    days between the deadline and the day asked about (at least 1)
 */
public record OverdueMeasure(RegionCode village, String householdId, int year, Measure measure, long daysLate) {

    /** The deadline that was missed. */
    public LocalDate deadline() {
        return measure.deadline();
    }
}

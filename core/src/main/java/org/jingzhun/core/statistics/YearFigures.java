package org.jingzhun.core.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.jingzhun.spi.policy.MonitoringCategory;
import org.jingzhun.spi.region.RegionCode;

/**
 * The frozen year-end figures of an area (年度统计): the registry at year end (registered, poor, incidence), what
 * the year's procedures did (exits, returns, new identifications, villages that left the poor list), the
 * monitored households by category and the people trained. One per area and year, stored when the year is closed, so the series can be
 * reproduced whatever happens later.
 *
 * @param registeredHouseholds active registered households (poor, exited and monitored alike)
 * @param poorHouseholds       households still counted poor (not exited, pre-exit, returned)
 * @param incidencePercent     poor people ÷ rural registered population, percent, two decimals
 * @param exitedHouseholds     households delisted by exit cases of the year
 * @param returnedHouseholds   households that returned to poverty in the year
 * @param newHouseholds        households registered through identification cases of the year
 * @param poorVillages         villages still designated poor at year end
 * @param villagesExited       villages whose exit (出列) was approved by area exit cases of the year
 * @param monitored            households under monitoring at year end, by category
 * @param peopleTrained        household members on the year's skills and Yulu courses, each counted once
 * @param fundsReceived        money received by the area's fund sources of the year (yuan), as {@code funds().report} gives it
 * @param fundsAllocated       of it, allocated to projects
 * @param fundsDisbursed       of it, paid out
 * @param closedAt             when the figures were taken
 */
public record YearFigures(
        RegionCode area,
        int year,
        long registeredHouseholds,
        long registeredPeople,
        long poorHouseholds,
        long poorPeople,
        BigDecimal incidencePercent,
        long exitedHouseholds,
        long exitedPeople,
        long returnedHouseholds,
        long returnedPeople,
        long newHouseholds,
        long newPeople,
        long poorVillages,
        long villagesExited,
        Map<MonitoringCategory, Long> monitored,
        long peopleTrained,
        java.math.BigDecimal fundsReceived,
        java.math.BigDecimal fundsAllocated,
        java.math.BigDecimal fundsDisbursed,
        Instant closedAt) {

    public YearFigures {
        monitored = Map.copyOf(monitored);
    }

    /** Households under monitoring at year end, all categories. */
    public long monitoredHouseholds() {
        return monitored.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Document id: the area code and the year. */
    String id() {
        return area.value() + "." + year;
    }
}

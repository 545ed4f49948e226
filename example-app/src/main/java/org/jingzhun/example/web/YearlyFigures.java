package org.jingzhun.example.web;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One row of a county's yearly trajectory (年度减贫进度), as the demo's 2014–2020 simulation records it at the end of
 * each year: registered and poor households and people, incidence (贫困发生率), exits during the year, the year's
 * reduction target (减贫任务) and households under relapse monitoring (监测对象). The portal only displays these rows
 * ({@code /api/years} and the dashboard's yearly chart); it does not compute them.
 *
 * @param year                    calendar year, e.g. 2014
 * @param registeredHouseholds    active registered households at year end
 * @param registeredPeople        members of those households
 * @param poorHouseholds          households still poor at year end
 * @param poorPeople              people still poor at year end
 * @param incidencePercent        poverty incidence in percent, two decimals
 * @param exitedHouseholdsInYear  households that exited during the year
 * @param exitedPeopleInYear      people in those households
 * @param targetPeople            the year's reduction target in people (0 when none was set)
 * @param monitoredHouseholds     households under relapse monitoring at year end
 */
public record YearlyFigures(
        int year,
        long registeredHouseholds,
        long registeredPeople,
        long poorHouseholds,
        long poorPeople,
        BigDecimal incidencePercent,
        long exitedHouseholdsInYear,
        long exitedPeopleInYear,
        long targetPeople,
        long monitoredHouseholds) {

    public YearlyFigures {
        Objects.requireNonNull(incidencePercent, "incidencePercent");
    }
}

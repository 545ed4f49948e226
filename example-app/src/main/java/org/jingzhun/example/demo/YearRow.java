package org.jingzhun.example.demo;

import java.math.BigDecimal;

/**
 * One line of the demo's yearly table, read from the registry at the end of the year.
 *
 * @param registeredHouseholds active registered households (poor, exited and monitored alike)
 * @param registeredPeople     members of those households
 * @param poorHouseholds       households still counted poor (not exited, pre-exit, returned)
 * @param poorPeople           people in those households
 * @param incidencePercent     poor people ÷ rural registered population, percent
 * @param targetPeople         the year's county reduction target in people
 * @param exitedPeople         people whose household exited during the year
 * @param returnedHouseholds   households that fell back into poverty during the year
 * @param newHouseholds        households newly identified during the year
 * @param monitoredHouseholds  households under relapse monitoring at year end
 */
public record YearRow(
        int year,
        long registeredHouseholds,
        long registeredPeople,
        long poorHouseholds,
        long poorPeople,
        BigDecimal incidencePercent,
        int targetHouseholds,
        int targetPeople,
        int exitedHouseholds,
        int exitedPeople,
        int returnedHouseholds,
        int newHouseholds,
        long monitoredHouseholds) {

    static final String[] HEADERS = {"year", "registered_households", "registered_people", "poor_households",
        "poor_people", "incidence_percent", "target_households", "target_people", "exited_households",
        "exited_people", "returned_households", "new_households", "monitored_households"};

    Object[] values() {
        return new Object[] {year, registeredHouseholds, registeredPeople, poorHouseholds, poorPeople,
            incidencePercent.toPlainString(), targetHouseholds, targetPeople, exitedHouseholds, exitedPeople,
            returnedHouseholds, newHouseholds, monitoredHouseholds};
    }
}

package org.jingzhun.example.demo;

import java.math.BigDecimal;
import org.jingzhun.core.statistics.YearFigures;

/**
 * One line of the demo's yearly table: the library's frozen year-end figures (年度统计, counted by core from the
 * year's procedures) beside the county's reduction target the demo set for the year.
 *
 * @param targetHouseholds the year's county reduction target in households
 * @param targetPeople     the year's county reduction target in people
 */
public record YearRow(YearFigures figures, int targetHouseholds, int targetPeople) {

    static final String[] HEADERS = {"year", "registered_households", "registered_people", "poor_households",
        "poor_people", "incidence_percent", "target_households", "target_people", "exited_households",
        "exited_people", "returned_households", "new_households", "monitored_households", "villages_exited",
        "people_trained"};

    public int year() {
        return figures.year();
    }

    public long registeredHouseholds() {
        return figures.registeredHouseholds();
    }

    public long registeredPeople() {
        return figures.registeredPeople();
    }

    public long poorHouseholds() {
        return figures.poorHouseholds();
    }

    public long poorPeople() {
        return figures.poorPeople();
    }

    public BigDecimal incidencePercent() {
        return figures.incidencePercent();
    }

    public int exitedHouseholds() {
        return Math.toIntExact(figures.exitedHouseholds());
    }

    public int exitedPeople() {
        return Math.toIntExact(figures.exitedPeople());
    }

    public int returnedHouseholds() {
        return Math.toIntExact(figures.returnedHouseholds());
    }

    public int newHouseholds() {
        return Math.toIntExact(figures.newHouseholds());
    }

    public long monitoredHouseholds() {
        return figures.monitoredHouseholds();
    }

    Object[] values() {
        return new Object[] {year(), registeredHouseholds(), registeredPeople(), poorHouseholds(), poorPeople(),
            incidencePercent().toPlainString(), targetHouseholds, targetPeople, exitedHouseholds(), exitedPeople(),
            returnedHouseholds(), newHouseholds(), monitoredHouseholds(), figures.villagesExited(),
            figures.peopleTrained()};
    }
}

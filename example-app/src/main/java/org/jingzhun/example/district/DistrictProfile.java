package org.jingzhun.example.district;

import java.math.BigDecimal;

/**
 * The numbers a generated district is shaped by. {@link #guichi()} follows the article and REFERENCE §4: Guichi
 * district (341702) with 38,400 poor people in 15,428 households in 2014, 14 poor villages, incidence 7.15% (so a
 * rural population of about 537,000), about 1.4% by the end of 2018 and none by 2020. {@link #scaled(double)} keeps
 * the shape for quick runs and tests.
 *
 * @param townships            number of townships (镇/街道)
 * @param villagesPerTownship  villages per township
 * @param poorVillages         designated poor villages (贫困村)
 * @param poorHouseholds       registered poor households in 2014
 * @param poorPeople           registered poor people in 2014
 * @param ruralPopulation      rural registered population of the county (denominator of incidence)
 * @param exitShare            share of the 2014 poor people planned to exit in each year 2014..2020 (sums to 1)
 * @param newEntryShare        new identifications per year as a share of the 2014 poor households
 * @param relapseShare         share of exited households that fall back each year (返贫)
 */
public record DistrictProfile(
        String countyCode,
        String countyName,
        int townships,
        int villagesPerTownship,
        int poorVillages,
        int poorHouseholds,
        int poorPeople,
        long ruralPopulation,
        double[] exitShare,
        double newEntryShare,
        double relapseShare,
        BigDecimal baselineIncomeFloor) {

    /** Guichi as the article and the published figures describe it. */
    public static DistrictProfile guichi() {
        // Exit shares by year 2014..2020: about 78% out by end-2018 (29,987 of 38,400), the rest by 2020.
        return new DistrictProfile("341702", "贵池区", 10, 11, 14, 15_428, 38_400, 537_000,
                new double[] {0.13, 0.18, 0.22, 0.17, 0.08, 0.14, 0.08}, 0.012, 0.004, new BigDecimal("900"));
    }

    /** The same district shape with households, people and population multiplied by {@code factor}. */
    public DistrictProfile scaled(double factor) {
        return new DistrictProfile(countyCode, countyName, townships, villagesPerTownship, poorVillages,
                Math.max(20, (int) Math.round(poorHouseholds * factor)),
                Math.max(50, (int) Math.round(poorPeople * factor)),
                Math.max(1000, Math.round(ruralPopulation * factor)), exitShare, newEntryShare, relapseShare,
                baselineIncomeFloor);
    }
}

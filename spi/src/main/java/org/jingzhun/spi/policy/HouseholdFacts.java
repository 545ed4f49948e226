package org.jingzhun.spi.policy;

import java.time.LocalDate;
import java.util.Objects;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeStatement;

/**
 * Everything a household rule may read (判定依据): the household card, its income statement for the year, the
 * supplementary facts of that year and the date the decision is made on. Rules must depend on nothing else, so the
 * same facts always give the same decision.
 *
 * @param income the income statement of {@code year}; rules that need it refuse when it is {@code null}
 * @param asOf   the day the decision is taken for (the engine uses it to pick packs; age checks use it)
 */
public record HouseholdFacts(Household household, int year, IncomeStatement income, SupplementaryFacts extra,
        LocalDate asOf) {
    public HouseholdFacts {
        Objects.requireNonNull(household, "household");
        Objects.requireNonNull(asOf, "asOf");
        extra = extra == null ? SupplementaryFacts.none() : extra;
        if (income != null && income.year() != year) {
            throw new IllegalArgumentException("income statement of " + income.year() + " given for " + year);
        }
    }

    /** Facts for a year decided on its last day. */
    public static HouseholdFacts of(Household household, int year, IncomeStatement income, SupplementaryFacts extra) {
        return new HouseholdFacts(household, year, income, extra, LocalDate.of(year, 12, 31));
    }
}

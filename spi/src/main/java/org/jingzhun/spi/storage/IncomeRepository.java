package org.jingzhun.spi.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.household.IncomeStatement;

/**
 * Yearly income statements, one per household and year. Same version rule as {@link HouseholdRepository}: saving
 * a statement of version 0 inserts it (conflict when one exists), otherwise it replaces the stored version.
 */
public interface IncomeRepository {
    IncomeStatement save(String countyCode, IncomeStatement statement);

    /**
     * Saves many statements of one county with the rule of {@link #save}, in input order, with as few round trips
     * as the backend allows (a year's survey). On the first statement that breaks the rule it throws the same
     * exception {@link #save} would, naming that statement; the caller's transaction then rolls back.
     */
    default List<IncomeStatement> saveAll(String countyCode, List<IncomeStatement> statements) {
        return statements.stream().map(s -> save(countyCode, s)).toList();
    }

    Optional<IncomeStatement> find(String householdId, int year);

    /**
     * The statements of {@code year} of the given households, keyed by household id; households without one are
     * absent. The bulk form of {@link #find} for lists (a village's exit list), with as few round trips as the
     * backend allows.
     */
    default Map<String, IncomeStatement> findYear(java.util.Collection<String> householdIds, int year) {
        Map<String, IncomeStatement> out = new java.util.LinkedHashMap<>();
        for (String id : householdIds) {
            find(id, year).ifPresent(s -> out.put(id, s));
        }
        return out;
    }

    /**
     * The statements of {@code year} of every household whose region lies inside {@code area}, keyed by household
     * id: the scan path of target decomposition, plan drafting and monitoring. Households without a statement that
     * year are absent.
     */
    Map<String, IncomeStatement> findYearWithin(RegionCode area, int year);

    /** All years of a household, oldest first. */
    List<IncomeStatement> findByHousehold(String householdId);

    void deleteByHousehold(String householdId);
}

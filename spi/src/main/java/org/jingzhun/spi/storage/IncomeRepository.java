package org.jingzhun.spi.storage;

import java.util.List;
import java.util.Optional;
import org.jingzhun.spi.household.IncomeStatement;

/**
 * Yearly income statements, one per household and year. Same version rule as {@link HouseholdRepository}: saving
 * a statement of version 0 inserts it (conflict when one exists), otherwise it replaces the stored version.
 */
public interface IncomeRepository {
    IncomeStatement save(String countyCode, IncomeStatement statement);

    Optional<IncomeStatement> find(String householdId, int year);

    /** All years of a household, oldest first. */
    List<IncomeStatement> findByHousehold(String householdId);

    void deleteByHousehold(String householdId);
}

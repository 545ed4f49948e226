package org.jingzhun.storage.memory.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.IncomeRepository;

/** Income statements of one unit of work, one per household and year, under the version rule. */
final class MemoryIncomeRepository implements IncomeRepository {
    static final String KIND = "income statement";

    private final IncomeTable table;
    private final HouseholdTable households;
    private final UnitOfWork unit;

    MemoryIncomeRepository(IncomeTable table, HouseholdTable households, UnitOfWork unit) {
        this.table = table;
        this.households = households;
        this.unit = unit;
    }

    @Override
    public IncomeStatement save(String countyCode, IncomeStatement statement) {
        unit.check();
        String hid = statement.householdId();
        if (hid == null || !hid.startsWith(countyCode + "-")) {
            throw new IllegalArgumentException("income statement of household " + hid
                    + " cannot be stored under county " + countyCode + "; its id names its county");
        }
        String id = hid + "/" + statement.year();
        IncomeStatement current = table.get(hid, statement.year());
        if (statement.version() == 0) {
            VersionRule.requireAbsent(KIND, id, current);
        } else {
            VersionRule.requireCurrent(KIND, id, current == null ? null : current.version(), statement.version());
        }
        IncomeStatement stored = statement.withVersion(statement.version() + 1);
        table.put(stored, unit.undo());
        return stored;
    }

    @Override
    public Optional<IncomeStatement> find(String householdId, int year) {
        unit.check();
        return Optional.ofNullable(table.get(householdId, year));
    }

    @Override
    public Map<String, IncomeStatement> findYearWithin(RegionCode area, int year) {
        unit.check();
        Map<String, IncomeStatement> out = new LinkedHashMap<>();
        for (Household h : households.within(area)) {
            IncomeStatement s = table.get(h.id(), year);
            if (s != null) {
                out.put(h.id(), s);
            }
        }
        return out;
    }

    @Override
    public List<IncomeStatement> findByHousehold(String householdId) {
        unit.check();
        return table.ofHousehold(householdId);
    }

    @Override
    public void deleteByHousehold(String householdId) {
        unit.check();
        for (IncomeStatement s : table.ofHousehold(householdId)) {
            table.remove(householdId, s.year(), unit.undo());
        }
    }
}

package org.jingzhun.core.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.StorageTransaction;

/**
 * The latest income statement up to a year of many households of an area. Households are surveyed every year, so
 * nearly every latest statement is that year's or the year before's: two bulk reads of the area, then a per-household
 * read of all years only for the few households neither has.
 */
public final class LatestIncomes {
    private LatestIncomes() {
    }

    /**
     * @param households ids of households lying inside {@code area}
     * @return the latest statement with a year at or before {@code year}, keyed by household id; households without
     *         any are absent
     */
    public static Map<String, IncomeStatement> upTo(StorageTransaction tx, RegionCode area,
            Collection<String> households, int year) {
        Map<String, IncomeStatement> out = new HashMap<>();
        if (households.isEmpty()) {
            return out;
        }
        Map<String, IncomeStatement> current = tx.incomes().findYearWithin(area, year);
        Map<String, IncomeStatement> previous = null;
        for (String id : households) {
            IncomeStatement s = current.get(id);
            if (s == null) {
                if (previous == null) {
                    previous = tx.incomes().findYearWithin(area, year - 1);
                }
                s = previous.get(id);
            }
            if (s == null) {
                s = tx.incomes().findByHousehold(id).stream().filter(x -> x.year() <= year)
                        .max(Comparator.comparingInt(IncomeStatement::year)).orElse(null);
            }
            if (s != null) {
                out.put(id, s);
            }
        }
        return out;
    }
}

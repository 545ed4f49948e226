package org.jingzhun.storage.jdbc.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.IncomeRepository;

/**
 * Income statements in {@code income_statements}, one row per household and year, with one {@code income_items} row
 * per item; the items of a statement are replaced as a whole when it is saved again.
 */
final class JdbcIncomeRepository implements IncomeRepository {
    static final String KIND = "income statement";

    /** Households per IN list: well within every driver's parameter limit. */
    private static final int FIND_CHUNK = 500;

    private final Handle handle;

    JdbcIncomeRepository(Handle handle) {
        this.handle = handle;
    }

    /** A statement's header row, before its items are attached. */
    private record Header(String householdId, int year, BigDecimal productionCosts, int householdSize, long version) {
        IncomeStatement with(Map<IncomeItem, BigDecimal> items) {
            return new IncomeStatement(householdId, year, items, productionCosts, householdSize, version);
        }
    }

    @Override
    public IncomeStatement save(String countyCode, IncomeStatement statement) {
        String hid = statement.householdId();
        CountyKeys.requireIncomeCounty(countyCode, hid);
        String id = hid + "/" + statement.year();
        IncomeStatement stored = statement.withVersion(statement.version() + 1);
        if (statement.version() == 0) {
            if (storedVersion(countyCode, hid, statement.year()) != null) {
                throw VersionRule.duplicate(KIND, id);
            }
            try {
                handle.createUpdate("INSERT INTO income_statements (county_code, household_id, income_year, "
                                + "production_costs, household_size, version) "
                                + "VALUES (:county, :hid, :year, :costs, :size, 1)")
                        .bind("county", countyCode).bind("hid", hid).bind("year", statement.year())
                        .bind("costs", statement.productionCosts()).bind("size", statement.householdSize())
                        .execute();
            } catch (JdbiException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                    throw VersionRule.duplicate(KIND, id, e);
                }
                throw e;
            }
        } else {
            int changed = handle.createUpdate("UPDATE income_statements SET production_costs = :costs, "
                            + "household_size = :size, version = version + 1 WHERE county_code = :county "
                            + "AND household_id = :hid AND income_year = :year AND version = :version")
                    .bind("county", countyCode).bind("hid", hid).bind("year", statement.year())
                    .bind("costs", statement.productionCosts()).bind("size", statement.householdSize())
                    .bind("version", statement.version())
                    .execute();
            if (changed == 0) {
                throw VersionRule.lostWrite(KIND, id, statement.version(),
                        storedVersion(countyCode, hid, statement.year()));
            }
            handle.createUpdate("DELETE FROM income_items WHERE county_code = :county AND household_id = :hid "
                            + "AND income_year = :year")
                    .bind("county", countyCode).bind("hid", hid).bind("year", statement.year()).execute();
        }
        if (!statement.items().isEmpty()) {
            PreparedBatch batch = handle.prepareBatch("INSERT INTO income_items (county_code, household_id, "
                    + "income_year, item, amount) VALUES (:county, :hid, :year, :item, :amount)");
            statement.items().forEach((item, amount) -> batch.bind("county", countyCode).bind("hid", hid)
                    .bind("year", statement.year()).bind("item", item.code()).bind("amount", amount).add());
            batch.execute();
        }
        return stored;
    }

    @Override
    public Optional<IncomeStatement> find(String householdId, int year) {
        String county = CountyKeys.countyOf(householdId);
        if (county == null) {
            return Optional.empty();
        }
        return load(county, householdId, year).stream().findFirst();
    }

    @Override
    public Map<String, IncomeStatement> findYear(Collection<String> householdIds, int year) {
        Map<String, List<String>> byCounty = new LinkedHashMap<>();
        for (String hid : new LinkedHashSet<>(householdIds)) {
            String county = CountyKeys.countyOf(hid);
            if (county != null) {
                byCounty.computeIfAbsent(county, c -> new ArrayList<>()).add(hid);
            }
        }
        Map<String, Header> headers = new HashMap<>();
        Map<String, Map<IncomeItem, BigDecimal>> items = new HashMap<>();
        for (Map.Entry<String, List<String>> e : byCounty.entrySet()) {
            for (List<String> chunk : Chunks.of(e.getValue(), FIND_CHUNK)) {
                handle.createQuery("SELECT household_id, production_costs, household_size, version "
                                + "FROM income_statements WHERE county_code = :county AND income_year = :year "
                                + "AND household_id IN (<ids>)")
                        .bind("county", e.getKey()).bind("year", year).bindList("ids", chunk)
                        .map((rs, ctx) -> new Header(rs.getString("household_id"), year,
                                rs.getBigDecimal("production_costs"), rs.getInt("household_size"),
                                rs.getLong("version")))
                        .forEach(h -> headers.put(h.householdId(), h));
                handle.createQuery("SELECT household_id, item, amount FROM income_items WHERE county_code = :county "
                                + "AND income_year = :year AND household_id IN (<ids>)")
                        .bind("county", e.getKey()).bind("year", year).bindList("ids", chunk)
                        .map((rs, ctx) -> {
                            items.computeIfAbsent(rs.getString("household_id"), k -> new EnumMap<>(IncomeItem.class))
                                    .put(Codes.parse(IncomeItem.class, rs.getString("item")),
                                            rs.getBigDecimal("amount"));
                            return Boolean.TRUE;
                        }).forEach(x -> { });
            }
        }
        Map<String, IncomeStatement> out = new LinkedHashMap<>();
        for (String hid : householdIds) {
            Header h = headers.get(hid);
            if (h != null) {
                out.put(hid, h.with(items.getOrDefault(hid, Map.of())));
            }
        }
        return out;
    }

    @Override
    public Map<String, IncomeStatement> findYearWithin(RegionCode area, int year) {
        // The area lies on households; statements and items join them on the full key, so each side reads one
        // county's rows by prefix and the database never looks up a household per statement.
        String condition = new AreaFilter(area).condition().replace("county_code", "h.county_code")
                .replace("region_code", "h.region_code");
        Map<String, Header> headers = new LinkedHashMap<>();
        new AreaFilter(area).bind(handle.createQuery("SELECT s.household_id, s.production_costs, s.household_size, "
                        + "s.version FROM income_statements s JOIN households h ON h.county_code = s.county_code "
                        + "AND h.id = s.household_id WHERE " + condition + " AND s.income_year = :year "
                        + "ORDER BY s.household_id"))
                .bind("year", year)
                .map((rs, ctx) -> new Header(rs.getString("household_id"), year, rs.getBigDecimal("production_costs"),
                        rs.getInt("household_size"), rs.getLong("version")))
                .forEach(h -> headers.put(h.householdId(), h));
        if (headers.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<IncomeItem, BigDecimal>> items = new HashMap<>();
        new AreaFilter(area).bind(handle.createQuery("SELECT i.household_id, i.item, i.amount FROM income_items i "
                        + "JOIN households h ON h.county_code = i.county_code AND h.id = i.household_id WHERE "
                        + condition + " AND i.income_year = :year"))
                .bind("year", year)
                .map((rs, ctx) -> {
                    items.computeIfAbsent(rs.getString("household_id"), k -> new EnumMap<>(IncomeItem.class))
                            .put(Codes.parse(IncomeItem.class, rs.getString("item")), rs.getBigDecimal("amount"));
                    return Boolean.TRUE;
                }).forEach(x -> { });
        Map<String, IncomeStatement> out = new LinkedHashMap<>();
        headers.forEach((id, h) -> out.put(id, h.with(items.getOrDefault(id, Map.of()))));
        return out;
    }

    @Override
    public List<IncomeStatement> findByHousehold(String householdId) {
        String county = CountyKeys.countyOf(householdId);
        return county == null ? List.of() : load(county, householdId, null);
    }

    @Override
    public void deleteByHousehold(String householdId) {
        String county = CountyKeys.countyOf(householdId);
        if (county == null) {
            return;
        }
        for (String table : List.of("income_items", "income_statements")) {
            handle.createUpdate("DELETE FROM " + table + " WHERE county_code = :county AND household_id = :hid")
                    .bind("county", county).bind("hid", householdId).execute();
        }
    }

    private Long storedVersion(String county, String hid, int year) {
        return handle.createQuery("SELECT version FROM income_statements WHERE county_code = :county "
                        + "AND household_id = :hid AND income_year = :year")
                .bind("county", county).bind("hid", hid).bind("year", year)
                .mapTo(Long.class).findOne().orElse(null);
    }

    /** Statements of a household (of one year when {@code year} is given), oldest first. */
    private List<IncomeStatement> load(String county, String hid, Integer year) {
        String yearFilter = year == null ? "" : " AND income_year = :year";
        Map<Integer, Header> headers = new LinkedHashMap<>();
        var headerQuery = handle.createQuery("SELECT income_year, production_costs, household_size, version "
                        + "FROM income_statements WHERE county_code = :county AND household_id = :hid" + yearFilter
                        + " ORDER BY income_year")
                .bind("county", county).bind("hid", hid);
        var itemQuery = handle.createQuery("SELECT income_year, item, amount FROM income_items "
                        + "WHERE county_code = :county AND household_id = :hid" + yearFilter)
                .bind("county", county).bind("hid", hid);
        if (year != null) {
            headerQuery.bind("year", year.intValue());
            itemQuery.bind("year", year.intValue());
        }
        headerQuery.map((rs, ctx) -> new Header(hid, rs.getInt("income_year"), rs.getBigDecimal("production_costs"),
                rs.getInt("household_size"), rs.getLong("version"))).forEach(h -> headers.put(h.year(), h));
        if (headers.isEmpty()) {
            return List.of();
        }
        Map<Integer, Map<IncomeItem, BigDecimal>> items = new LinkedHashMap<>();
        itemQuery.map((rs, ctx) -> {
            Map<IncomeItem, BigDecimal> of = items.computeIfAbsent(rs.getInt("income_year"),
                    y -> new EnumMap<>(IncomeItem.class));
            of.put(Codes.parse(IncomeItem.class, rs.getString("item")), rs.getBigDecimal("amount"));
            return of;
        }).list();
        List<IncomeStatement> out = new ArrayList<>(headers.size());
        for (Header h : headers.values()) {
            out.add(h.with(items.getOrDefault(h.year(), Map.of())));
        }
        return out;
    }
}

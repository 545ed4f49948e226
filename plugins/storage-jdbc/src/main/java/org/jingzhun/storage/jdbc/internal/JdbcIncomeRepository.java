package org.jingzhun.storage.jdbc.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.storage.IncomeRepository;

/**
 * Income statements in {@code income_statements}, one row per household and year, with one {@code income_items} row
 * per item; the items of a statement are replaced as a whole when it is saved again.
 */
final class JdbcIncomeRepository implements IncomeRepository {
    static final String KIND = "income statement";
    private static final String INSERT_HEADER = "INSERT INTO income_statements (county_code, household_id, "
            + "income_year, production_costs, household_size, version) VALUES (:county, :hid, :year, :costs, :size, "
            + ":new_version)";
    private static final String UPDATE_HEADER = "UPDATE income_statements SET production_costs = :costs, "
            + "household_size = :size, version = :new_version WHERE county_code = :county AND household_id = :hid "
            + "AND income_year = :year AND version = :version";
    private static final String INSERT_ITEM = "INSERT INTO income_items (county_code, household_id, income_year, "
            + "item, amount) VALUES (:county, :hid, :year, :item, :amount)";
    private static final String DELETE_ITEMS = "DELETE FROM income_items WHERE county_code = :county "
            + "AND household_id = :hid AND income_year = :year";

    private final Handle handle;
    private final Dialect dialect;
    private final int batchSize;

    JdbcIncomeRepository(Handle handle, Dialect dialect, int batchSize) {
        this.handle = handle;
        this.dialect = dialect;
        this.batchSize = batchSize;
    }

    /** A statement's header row, before its items are attached. */
    private record Header(String householdId, int year, BigDecimal productionCosts, int householdSize, long version) {
        IncomeStatement with(Map<IncomeItem, BigDecimal> items) {
            return new IncomeStatement(householdId, year, items, productionCosts, householdSize, version);
        }
    }

    /** A statement's key within its county. */
    private record Key(String householdId, int year) {
        static Key of(IncomeStatement s) {
            return new Key(s.householdId(), s.year());
        }
    }

    private static String id(IncomeStatement s) {
        return s.householdId() + "/" + s.year();
    }

    @Override
    public IncomeStatement save(String countyCode, IncomeStatement statement) {
        String hid = statement.householdId();
        CountyKeys.requireIncomeCounty(countyCode, hid);
        String id = id(statement);
        IncomeStatement stored = statement.withVersion(statement.version() + 1);
        if (statement.version() == 0) {
            if (storedVersion(countyCode, hid, statement.year()) != null) {
                throw VersionRule.duplicate(KIND, id);
            }
            try {
                bindHeader(handle.createUpdate(INSERT_HEADER), countyCode, stored).execute();
            } catch (JdbiException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                    throw VersionRule.duplicate(KIND, id, e);
                }
                throw e;
            }
        } else {
            int changed = bindHeader(handle.createUpdate(UPDATE_HEADER), countyCode, stored)
                    .bind("version", statement.version())
                    .execute();
            if (changed == 0) {
                throw VersionRule.lostWrite(KIND, id, statement.version(),
                        storedVersion(countyCode, hid, statement.year()));
            }
            handle.createUpdate(DELETE_ITEMS)
                    .bind("county", countyCode).bind("hid", hid).bind("year", statement.year()).execute();
        }
        insertItems(countyCode, List.of(statement));
        return stored;
    }

    /**
     * Reads the stored versions of every statement of the batch (one query per {@link Chunks#KEYS} keys), applies
     * the rule in input order so that the first offender is named before anything is written, then writes in
     * batches: guarded header updates (each update count checked), the old items of updated statements deleted, new
     * headers inserted, and the items of all.
     */
    @Override
    public List<IncomeStatement> saveAll(String countyCode, List<IncomeStatement> statements) {
        if (statements.isEmpty()) {
            return List.of();
        }
        List<Key> keys = statements.stream()
                .filter(s -> countyCode != null && countyCode.equals(CountyKeys.countyOf(s.householdId())))
                .map(Key::of).distinct().toList();
        List<VersionedBatch.Write<IncomeStatement>> writes = new VersionedBatch<Key, IncomeStatement>(Key::of,
                IncomeStatement::version, s -> KIND, JdbcIncomeRepository::id, true)
                .checking(s -> CountyKeys.requireIncomeCounty(countyCode, s.householdId()))
                .plan(statements, storedVersions(countyCode, keys));
        List<VersionedBatch.Write<IncomeStatement>> updates = writes.stream().filter(w -> !w.insert()).toList();
        for (List<VersionedBatch.Write<IncomeStatement>> chunk : Chunks.of(updates, batchSize)) {
            PreparedBatch batch = handle.prepareBatch(UPDATE_HEADER);
            for (VersionedBatch.Write<IncomeStatement> w : chunk) {
                bindHeader(batch, countyCode, w.last().withVersion(w.newVersion())).bind("version", w.expected())
                        .add();
            }
            int[] counts = batch.execute();
            for (int i = 0; i < counts.length; i++) {
                if (VersionRule.missed(counts[i])) {
                    IncomeStatement s = chunk.get(i).last();
                    throw VersionRule.lostWrite(KIND, id(s), chunk.get(i).expected(),
                            storedVersion(countyCode, s.householdId(), s.year()));
                }
            }
        }
        for (List<VersionedBatch.Write<IncomeStatement>> chunk : Chunks.of(updates, batchSize)) {
            PreparedBatch batch = handle.prepareBatch(DELETE_ITEMS);
            for (VersionedBatch.Write<IncomeStatement> w : chunk) {
                batch.bind("county", countyCode).bind("hid", w.last().householdId()).bind("year", w.last().year())
                        .add();
            }
            batch.execute();
        }
        List<VersionedBatch.Write<IncomeStatement>> inserts = writes.stream().filter(VersionedBatch.Write::insert)
                .toList();
        try {
            for (List<VersionedBatch.Write<IncomeStatement>> chunk : Chunks.of(inserts, batchSize)) {
                PreparedBatch batch = handle.prepareBatch(INSERT_HEADER);
                for (VersionedBatch.Write<IncomeStatement> w : chunk) {
                    bindHeader(batch, countyCode, w.last().withVersion(w.newVersion())).add();
                }
                batch.execute();
            }
        } catch (JdbiException e) {
            // The keys were free when read; only a concurrent writer can have taken one since.
            if (SqlErrors.isUniqueViolation(e)) {
                throw VersionRule.duplicate(KIND, "(one of " + inserts.size() + " in the batch)", e);
            }
            throw e;
        }
        insertItems(countyCode, writes.stream().map(VersionedBatch.Write::last).toList());
        return statements.stream().map(s -> s.withVersion(s.version() + 1)).toList();
    }

    private static <S extends SqlStatement<S>> S bindHeader(S statement, String county, IncomeStatement stored) {
        return statement.bind("county", county).bind("hid", stored.householdId()).bind("year", stored.year())
                .bind("costs", stored.productionCosts()).bind("size", stored.householdSize())
                .bind("new_version", stored.version());
    }

    /** The items of {@code statements} (whose old items are gone), in batches of {@code batchSize} rows. */
    private void insertItems(String county, List<IncomeStatement> statements) {
        PreparedBatch batch = null;
        for (IncomeStatement s : statements) {
            for (Map.Entry<IncomeItem, BigDecimal> e : s.items().entrySet()) {
                if (batch == null) {
                    batch = handle.prepareBatch(INSERT_ITEM);
                }
                batch.bind("county", county).bind("hid", s.householdId()).bind("year", s.year())
                        .bind("item", e.getKey().code()).bind("amount", e.getValue()).add();
                if (batch.size() == batchSize) {
                    batch.execute();
                    batch = null;
                }
            }
        }
        if (batch != null) {
            batch.execute();
        }
    }

    /** The stored versions of {@code keys} (all of one county), read one chunk at a time. */
    private Map<Key, Long> storedVersions(String county, List<Key> keys) {
        Map<Key, Long> out = new HashMap<>();
        KeyLookup lookup = dialect.keyLookup("income_statements", "s", "household_id", "income_year");
        for (List<Key> chunk : Chunks.of(keys, Chunks.KEYS)) {
            Set<Key> wanted = new HashSet<>(chunk);
            String sql = "SELECT s.household_id, s.income_year, s.version FROM " + lookup.from()
                    + " WHERE s.county_code = :county AND " + lookup.where() + dialect.lockingRead();
            lookup.bindColumns(handle.createQuery(sql), List.of(chunk.stream().map(Key::householdId).toList(),
                            chunk.stream().map(Key::year).toList()))
                    .bind("county", county)
                    .map((rs, ctx) -> Map.entry(new Key(rs.getString("household_id"), rs.getInt("income_year")),
                            rs.getLong("version")))
                    .forEach(e -> {
                        if (wanted.contains(e.getKey())) {
                            out.put(e.getKey(), e.getValue());
                        }
                    });
        }
        return out;
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
        YearRows rows = new YearRows(year);
        for (Map.Entry<String, List<String>> e : byCounty.entrySet()) {
            for (List<String> chunk : Chunks.of(e.getValue(), Chunks.KEYS)) {
                KeyLookup statements = dialect.keyLookup("income_statements", "s", "household_id");
                statements.bind(handle.createQuery("SELECT s.household_id, s.production_costs, s.household_size, "
                                + "s.version FROM " + statements.from() + " WHERE s.county_code = :county "
                                + "AND s.income_year = :year AND " + statements.where()), chunk)
                        .bind("county", e.getKey()).bind("year", year)
                        .map(rows::header).forEach(rows::add);
                KeyLookup lines = dialect.keyLookup("income_items", "i", "household_id");
                lines.bind(handle.createQuery("SELECT i.household_id, i.item, i.amount FROM " + lines.from()
                                + " WHERE i.county_code = :county AND i.income_year = :year AND " + lines.where()),
                                chunk)
                        .bind("county", e.getKey()).bind("year", year)
                        .map(YearRows::item).forEach(rows::add);
            }
        }
        Map<String, IncomeStatement> all = rows.statements();
        Map<String, IncomeStatement> out = new LinkedHashMap<>();
        for (String hid : householdIds) {
            IncomeStatement found = all.get(hid);
            if (found != null) {
                out.put(hid, found);
            }
        }
        return out;
    }

    /**
     * Two queries: the year's headers, then its items, each joined to the households of the area on the full key.
     * The plans drive from the area's households (the region index, or the county's rows) into the statements'
     * and items' primary keys on H2 and MariaDB; PostgreSQL hash-joins them with the county's rows of that year.
     */
    @Override
    public Map<String, IncomeStatement> findYearWithin(RegionCode area, int year) {
        if (area.level() == RegionLevel.COUNTY) {
            return countyYear(area.countyCode(), year);
        }
        AreaFilter filter = new AreaFilter(area);
        YearRows rows = new YearRows(year);
        filter.bind(handle.createQuery("SELECT s.household_id, s.production_costs, s.household_size, s.version "
                        + "FROM income_statements s JOIN households h ON h.county_code = s.county_code "
                        + "AND h.id = s.household_id WHERE " + filter.condition("h") + " AND s.income_year = :year "
                        + "ORDER BY s.household_id"))
                .bind("year", year)
                .map(rows::header).forEach(rows::add);
        if (rows.isEmpty()) {
            return Map.of();
        }
        filter.bind(handle.createQuery("SELECT i.household_id, i.item, i.amount FROM income_items i "
                        + "JOIN households h ON h.county_code = i.county_code AND h.id = i.household_id WHERE "
                        + filter.condition("h") + " AND i.income_year = :year"))
                .bind("year", year)
                .map(YearRows::item).forEach(rows::add);
        return rows.statements();
    }

    /**
     * A whole county's statements of a year, read through the (county_code, income_year) indexes as a range of that
     * year alone; statements count only when their household is stored (checked per row by primary key, cheaper
     * than driving from the county's households), and items only for the statements found.
     */
    private Map<String, IncomeStatement> countyYear(String county, int year) {
        YearRows rows = new YearRows(year);
        handle.createQuery("SELECT s.household_id, s.production_costs, s.household_size, s.version "
                        + "FROM income_statements s WHERE s.county_code = :county AND s.income_year = :year "
                        + "AND EXISTS (SELECT 1 FROM households h WHERE h.county_code = s.county_code "
                        + "AND h.id = s.household_id) ORDER BY s.household_id")
                .bind("county", county).bind("year", year)
                .map(rows::header).forEach(rows::add);
        if (rows.isEmpty()) {
            return Map.of();
        }
        handle.createQuery("SELECT household_id, item, amount FROM income_items WHERE county_code = :county "
                        + "AND income_year = :year")
                .bind("county", county).bind("year", year)
                .map(YearRows::item).forEach(rows::add);
        return rows.statements();
    }

    /**
     * One year's statements of many households as their rows arrive: headers first, then items, which are kept only
     * for the headers read (a county-wide item read also sees items of statements whose household is gone).
     */
    private static final class YearRows {
        private final int year;
        private final Map<String, Header> headers = new LinkedHashMap<>();
        private final Map<String, Map<IncomeItem, BigDecimal>> items = new HashMap<>();

        YearRows(int year) {
            this.year = year;
        }

        Header header(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
                throws java.sql.SQLException {
            return new Header(rs.getString("household_id"), year, rs.getBigDecimal("production_costs"),
                    rs.getInt("household_size"), rs.getLong("version"));
        }

        static Map.Entry<String, Map.Entry<IncomeItem, BigDecimal>> item(java.sql.ResultSet rs,
                org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
            return Map.entry(rs.getString("household_id"),
                    Map.entry(Codes.parse(IncomeItem.class, rs.getString("item")), rs.getBigDecimal("amount")));
        }

        void add(Header h) {
            headers.put(h.householdId(), h);
        }

        void add(Map.Entry<String, Map.Entry<IncomeItem, BigDecimal>> item) {
            if (headers.containsKey(item.getKey())) {
                items.computeIfAbsent(item.getKey(), k -> new EnumMap<>(IncomeItem.class))
                        .put(item.getValue().getKey(), item.getValue().getValue());
            }
        }

        boolean isEmpty() {
            return headers.isEmpty();
        }

        /** The statements in the order their headers were read. */
        Map<String, IncomeStatement> statements() {
            Map<String, IncomeStatement> out = new LinkedHashMap<>();
            headers.forEach((id, h) -> out.put(id, h.with(items.getOrDefault(id, Map.of()))));
            return out;
        }
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

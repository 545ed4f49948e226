package org.jingzhun.storage.jdbc.internal;

import java.util.ArrayList;
import java.util.Collection;
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
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.storage.IncomeRepository;
import org.jingzhun.storage.jdbc.internal.IncomeRows.StatementRow;

/**
 * Income statements in {@code income_statements}, one row per household and year holding its items in one column
 * per item ({@link IncomeRows}); saving a statement again rewrites the whole row, items included.
 */
final class JdbcIncomeRepository implements IncomeRepository {
    static final String KIND = "income statement";

    /** The bulk insert as a plain JDBC batch (see {@link RawBatch}). */
    private static final String RAW_INSERT = RawBatch.insert("income_statements", IncomeRows.COLUMNS);

    private final Handle handle;
    private final Dialect dialect;
    private final int batchSize;

    JdbcIncomeRepository(Handle handle, Dialect dialect, int batchSize) {
        this.handle = handle;
        this.dialect = dialect;
        this.batchSize = batchSize;
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
                bind(handle.createUpdate(IncomeRows.INSERT), countyCode, stored).execute();
            } catch (JdbiException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                    throw VersionRule.duplicate(KIND, id, e);
                }
                throw e;
            }
        } else {
            int changed = bind(handle.createUpdate(IncomeRows.UPDATE), countyCode, stored)
                    .bind("expected", statement.version())
                    .execute();
            if (changed == 0) {
                throw VersionRule.lostWrite(KIND, id, statement.version(),
                        storedVersion(countyCode, hid, statement.year()));
            }
        }
        return stored;
    }

    /**
     * Reads the stored versions of every statement of the batch (one query per {@link Chunks#KEYS} keys), applies
     * the rule in input order so that the first offender is named before anything is written, then writes in
     * batches: guarded updates (each update count checked), then inserts.
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
            PreparedBatch batch = handle.prepareBatch(IncomeRows.UPDATE);
            for (VersionedBatch.Write<IncomeStatement> w : chunk) {
                bind(batch, countyCode, w.last().withVersion(w.newVersion())).bind("expected", w.expected()).add();
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
        List<VersionedBatch.Write<IncomeStatement>> inserts = writes.stream().filter(VersionedBatch.Write::insert)
                .toList();
        try {
            for (List<VersionedBatch.Write<IncomeStatement>> chunk : Chunks.of(inserts, batchSize)) {
                List<IncomeRows.StatementRow> rows = new ArrayList<>(chunk.size());
                for (VersionedBatch.Write<IncomeStatement> w : chunk) {
                    rows.add(new IncomeRows.StatementRow(countyCode, w.last().withVersion(w.newVersion())));
                }
                RawBatch.insert(handle, RAW_INSERT, IncomeRows.COLUMNS, rows);
            }
        } catch (JdbiException e) {
            // The keys were free when read; only a concurrent writer can have taken one since.
            if (SqlErrors.isUniqueViolation(e)) {
                throw VersionRule.duplicate(KIND, "(one of " + inserts.size() + " in the batch)", e);
            }
            throw e;
        }
        return statements.stream().map(s -> s.withVersion(s.version() + 1)).toList();
    }

    /** Binds every column of the row of {@code stored} (its version the one to store), absent items as NULL. */
    private static <S extends SqlStatement<S>> S bind(S statement, String county, IncomeStatement stored) {
        return Bind.columns(statement, IncomeRows.COLUMNS, new StatementRow(county, stored));
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
        Map<String, IncomeStatement> all = new HashMap<>();
        KeyLookup lookup = dialect.keyLookup("income_statements", "s", "household_id");
        for (Map.Entry<String, List<String>> e : byCounty.entrySet()) {
            for (List<String> chunk : Chunks.of(e.getValue(), Chunks.KEYS)) {
                lookup.bind(handle.createQuery("SELECT " + IncomeRows.SELECT_LIST + " FROM " + lookup.from()
                                + " WHERE s.county_code = :county AND s.income_year = :year AND " + lookup.where()),
                                chunk)
                        .bind("county", e.getKey()).bind("year", year)
                        .map(IncomeRows.MAPPER).forEach(s -> all.put(s.householdId(), s));
            }
        }
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
     * The year's statements joined to the households of the area on the full key. The plans drive from the area's
     * households (the region index, or the county's rows) into the statements' primary key on H2 and MariaDB;
     * PostgreSQL hash-joins them with the county's rows of that year.
     */
    @Override
    public Map<String, IncomeStatement> findYearWithin(RegionCode area, int year) {
        if (area.level() == RegionLevel.COUNTY) {
            return countyYear(area.countyCode(), year);
        }
        AreaFilter filter = new AreaFilter(area);
        Map<String, IncomeStatement> out = new LinkedHashMap<>();
        filter.bind(handle.createQuery("SELECT " + IncomeRows.SELECT_LIST + " FROM income_statements s "
                        + "JOIN households h ON h.county_code = s.county_code AND h.id = s.household_id WHERE "
                        + filter.condition("h") + " AND s.income_year = :year ORDER BY s.household_id"))
                .bind("year", year)
                .map(IncomeRows.MAPPER).forEach(s -> out.put(s.householdId(), s));
        return out;
    }

    /**
     * A whole county's statements of a year, read through the (county_code, income_year) index as a range of that
     * year alone; statements count only when their household is stored (checked per row by primary key, cheaper
     * than driving from the county's households).
     */
    private Map<String, IncomeStatement> countyYear(String county, int year) {
        Map<String, IncomeStatement> out = new LinkedHashMap<>();
        handle.createQuery("SELECT " + IncomeRows.SELECT_LIST + " FROM income_statements s "
                        + "WHERE s.county_code = :county AND s.income_year = :year "
                        + "AND EXISTS (SELECT 1 FROM households h WHERE h.county_code = s.county_code "
                        + "AND h.id = s.household_id) ORDER BY s.household_id")
                .bind("county", county).bind("year", year)
                .map(IncomeRows.MAPPER).forEach(s -> out.put(s.householdId(), s));
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
        handle.createUpdate("DELETE FROM income_statements WHERE county_code = :county AND household_id = :hid")
                .bind("county", county).bind("hid", householdId).execute();
    }

    private Long storedVersion(String county, String hid, int year) {
        return handle.createQuery("SELECT version FROM income_statements WHERE county_code = :county "
                        + "AND household_id = :hid AND income_year = :year")
                .bind("county", county).bind("hid", hid).bind("year", year)
                .mapTo(Long.class).findOne().orElse(null);
    }

    /** Statements of a household (of one year when {@code year} is given), oldest first. */
    private List<IncomeStatement> load(String county, String hid, Integer year) {
        var query = handle.createQuery("SELECT " + IncomeRows.SELECT_LIST + " FROM income_statements s "
                        + "WHERE s.county_code = :county AND s.household_id = :hid"
                        + (year == null ? "" : " AND s.income_year = :year") + " ORDER BY s.income_year")
                .bind("county", county).bind("hid", hid);
        if (year != null) {
            query.bind("year", year.intValue());
        }
        return query.map(IncomeRows.MAPPER).list();
    }
}

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
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.HouseholdSummary;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.storage.AreaAggregate;
import org.jingzhun.spi.storage.AreaAggregateQuery;
import org.jingzhun.spi.storage.HouseholdRepository;
import org.jingzhun.spi.storage.Page;
import org.jingzhun.spi.storage.PageRequest;
import org.jingzhun.storage.jdbc.internal.HouseholdRows.MemberRow;

/**
 * Households in {@code households} and {@code members}. A member row of an active household carries its citizen ID
 * in {@code active_citizen_id} too, whose unique index makes the database refuse a second active holder however
 * writers race; the violation is reported as core reports a taken ID. Optimistic locking is a guarded UPDATE
 * ({@code WHERE county_code = ? AND id = ? AND version = ?}); members are replaced as a whole on update. Inserts look
 * for an existing id first so that the common duplicate is reported without poisoning the transaction, and the
 * primary key catches the rest.
 */
final class JdbcHouseholdRepository implements HouseholdRepository {
    private static final int SCAN_PAGE = 5_000;
    private static final String CITIZEN_SAVEPOINT = "jz_citizen_ids";
    static final String KIND = "household";

    private final Handle handle;
    private final Dialect dialect;
    private final BulkHouseholdWriter bulk;
    private final int batchSize;

    JdbcHouseholdRepository(Handle handle, Dialect dialect, BulkHouseholdWriter bulk, int batchSize) {
        this.handle = handle;
        this.dialect = dialect;
        this.bulk = bulk;
        this.batchSize = batchSize;
    }

    @Override
    public Household insert(Household household) {
        CountyKeys.requireNew(household);
        if (storedVersion(household.countyCode(), household.id()) != null) {
            throw VersionRule.duplicate(KIND, household.id());
        }
        Household stored = household.toBuilder().version(1).build();
        try {
            Bind.columns(handle.createUpdate(HouseholdRows.INSERT_HOUSEHOLD), HouseholdRows.HOUSEHOLD_COLUMNS, stored)
                    .execute();
        } catch (JdbiException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw VersionRule.duplicate(KIND, household.id(), e);
            }
            throw e;
        }
        guardingCitizenIds(List.of(stored), false, () -> insertMembers(HouseholdRows.memberRows(stored)));
        return stored;
    }

    @Override
    public List<Household> insertAll(List<Household> households) {
        if (households.isEmpty()) {
            return List.of();
        }
        List<Household> stored = new ArrayList<>(households.size());
        for (Household h : households) {
            CountyKeys.requireNew(h);
            stored.add(h.toBuilder().version(1).build());
        }
        String existing = firstStored(stored);
        if (existing != null) {
            throw VersionRule.duplicate(KIND, existing);
        }
        try {
            guardingCitizenIds(stored, true, () -> bulk.write(handle, stored));
        } catch (RuntimeException e) {
            // A duplicate inside the batch is left to the primary key; only now find which one it was.
            if (SqlErrors.isUniqueViolation(e)) {
                throw VersionRule.duplicate(KIND, firstRepeatedId(stored), e);
            }
            throw e;
        }
        return stored;
    }

    @Override
    public Household update(Household household) {
        CountyKeys.requireMatchingCounty(household);
        Household stored = household.toBuilder().version(household.version() + 1).build();
        int changed = Bind.columns(handle.createUpdate(HouseholdRows.UPDATE_HOUSEHOLD), HouseholdRows.UPDATE_COLUMNS,
                household).bind("version", household.version()).execute();
        if (changed == 0) {
            throw VersionRule.lostWrite(KIND, household.id(), household.version(),
                    storedVersion(household.countyCode(), household.id()));
        }
        // Most changes (status, card fields) leave the members alone; rewriting them would cost a delete and a
        // batch insert with index maintenance each time, so compare with what is stored first. A household that
        // becomes active or inactive (removed, or restored) rewrites them too, to take or free their citizen IDs.
        List<Map.Entry<Member, Boolean>> storedRows = storedMembers(household.countyCode(), household.id());
        boolean sameMembers = storedRows.stream().map(Map.Entry::getKey).toList().equals(stored.members());
        boolean sameActivity = storedRows.stream().allMatch(e -> e.getValue() == stored.status().active());
        if (!sameMembers || !sameActivity) {
            guardingCitizenIds(List.of(stored), false, () -> {
                deleteMembers(household.countyCode(), household.id());
                insertMembers(HouseholdRows.memberRows(stored));
            });
        }
        return stored;
    }

    /**
     * Reads the stored versions and members of the whole batch (one query each per county and
     * {@link Chunks#KEYS} ids), applies the rule of {@link #update} in input order so that the first offender is
     * named before anything is written, then writes guarded updates in batches (update counts checked) and
     * rewrites, in batches, the members of only those households whose members changed.
     */
    @Override
    public List<Household> updateAll(List<Household> households) {
        if (households.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> idsByCounty = byCounty(households.stream()
                .filter(h -> h.countyCode().equals(CountyKeys.countyOf(h.id()))).map(Household::id).toList());
        Map<String, Long> versions = new HashMap<>();
        Set<String> storedActive = new HashSet<>();
        Map<String, List<Member>> members = new HashMap<>();
        KeyLookup lookup = dialect.keyLookup("households", "h", "id");
        idsByCounty.forEach((county, ids) -> {
            for (List<String> chunk : Chunks.of(ids, Chunks.KEYS)) {
                lookup.bind(handle.createQuery("SELECT h.id, h.version, h.status FROM " + lookup.from()
                                + " WHERE h.county_code = :county AND " + lookup.where()
                                + dialect.lockingRead()), chunk)
                        .bind("county", county)
                        .map((rs, ctx) -> {
                            if (Codes.parse(PovertyStatus.class, rs.getString("status")).active()) {
                                storedActive.add(rs.getString("id"));
                            }
                            return Map.entry(rs.getString("id"), rs.getLong("version"));
                        })
                        .forEach(e -> versions.put(e.getKey(), e.getValue()));
                members.putAll(membersOf(county, chunk));
            }
        });
        List<VersionedBatch.Write<Household>> writes = new VersionedBatch<String, Household>(Household::id,
                Household::version, h -> KIND, Household::id, false)
                .checking(CountyKeys::requireMatchingCounty)
                .plan(households, versions);
        for (List<VersionedBatch.Write<Household>> chunk : Chunks.of(writes, batchSize)) {
            PreparedBatch batch = handle.prepareBatch(HouseholdRows.UPDATE_HOUSEHOLD_TO_VERSION);
            for (VersionedBatch.Write<Household> w : chunk) {
                Bind.columns(batch, HouseholdRows.UPDATE_COLUMNS, w.last()).bind("version", w.expected())
                        .bind("new_version", w.newVersion()).add();
            }
            int[] counts = batch.execute();
            for (int i = 0; i < counts.length; i++) {
                if (VersionRule.missed(counts[i])) {
                    Household h = chunk.get(i).last();
                    throw VersionRule.lostWrite(KIND, h.id(), chunk.get(i).expected(),
                            storedVersion(h.countyCode(), h.id()));
                }
            }
        }
        // Members are rewritten when they changed, or when the household became active or inactive (their
        // citizen IDs are taken or freed).
        List<Household> rewritten = writes.stream().map(VersionedBatch.Write::last)
                .filter(h -> !members.getOrDefault(h.id(), List.of()).equals(h.members())
                        || (!h.members().isEmpty() && storedActive.contains(h.id()) != h.status().active()))
                .toList();
        guardingCitizenIds(households, true, () -> {
            for (List<Household> chunk : Chunks.of(rewritten, batchSize)) {
                PreparedBatch batch = handle.prepareBatch("DELETE FROM members WHERE county_code = :county "
                        + "AND household_id = :id");
                for (Household h : chunk) {
                    batch.bind("county", h.countyCode()).bind("id", h.id()).add();
                }
                batch.execute();
            }
            insertMembers(rewritten.stream().flatMap(h -> HouseholdRows.memberRows(h).stream()).toList());
        });
        return households.stream().map(h -> h.toBuilder().version(h.version() + 1).build()).toList();
    }

    /** The stored members of a household in order, each with whether its citizen ID is stored as active. */
    private List<Map.Entry<Member, Boolean>> storedMembers(String county, String id) {
        return handle.createQuery(HouseholdRows.SELECT_MEMBER
                        + " WHERE county_code = :county AND household_id = :id ORDER BY seq")
                .bind("county", county).bind("id", id)
                .map(HouseholdRows.MEMBER_WITH_ACTIVITY).list();
    }

    /**
     * Runs a write of member rows of {@code batch} and turns a violation of the unique index on
     * {@code active_citizen_id} into the registry's error: {@code validation.id_taken} naming the first member whose
     * citizen ID another active household holds (an earlier household of the batch, or a stored one) and that
     * holder, on record {@code row n} ({@code rows}) or {@code household <id>}. On PostgreSQL, where the violation
     * aborts the transaction, the write runs under a savepoint so that the holder can still be looked up.
     */
    private void guardingCitizenIds(List<Household> batch, boolean rows, Runnable write) {
        boolean savepoint = dialect.errorAbortsTransaction();
        if (savepoint) {
            handle.savepoint(CITIZEN_SAVEPOINT);
        }
        try {
            write.run();
        } catch (RuntimeException e) {
            if (!SqlErrors.violatesUniqueIndex(e, HouseholdRows.ACTIVE_CITIZEN_INDEX)) {
                throw e;
            }
            if (savepoint) {
                handle.rollbackToSavepoint(CITIZEN_SAVEPOINT);
            }
            ValidationException taken = citizenIdTaken(batch, rows);
            if (taken == null) {
                // The holder was removed meanwhile; the write itself was still refused.
                throw e;
            }
            taken.addSuppressed(e);
            throw taken;
        }
    }

    private ValidationException citizenIdTaken(List<Household> batch, boolean rows) {
        List<String> values = batch.stream().filter(h -> h.status().active())
                .flatMap(h -> h.members().stream()).map(m -> m.citizenId().value()).distinct().toList();
        Map<String, Set<String>> holders = new HashMap<>();
        KeyLookup lookup = dialect.keyLookup("members", "m", HouseholdRows.ACTIVE_CITIZEN_ID);
        for (List<String> chunk : Chunks.of(values, Chunks.KEYS)) {
            lookup.bind(handle.createQuery("SELECT m.active_citizen_id, m.household_id FROM " + lookup.from()
                            + " WHERE " + lookup.where()), chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(1).strip(), rs.getString(2)))
                    .forEach(e -> holders.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(e.getValue()));
        }
        Map<String, String> earlierInBatch = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Household h = batch.get(i);
            if (!h.status().active()) {
                continue;
            }
            for (int j = 0; j < h.members().size(); j++) {
                Member m = h.members().get(j);
                String holder = earlierInBatch.get(m.citizenId().value());
                if (holder == null || holder.equals(h.id())) {
                    holder = holders.getOrDefault(m.citizenId().value(), Set.of()).stream()
                            .filter(other -> !other.equals(h.id())).findFirst().orElse(null);
                }
                if (holder != null) {
                    return new ValidationException(List.of(Violation.of(rows ? "row " + (i + 1)
                                    : "household " + h.id(), "members[" + j + "].citizenId", "validation.id_taken",
                            m.citizenId().masked(), holder)));
                }
            }
            for (Member m : h.members()) {
                earlierInBatch.putIfAbsent(m.citizenId().value(), h.id());
            }
        }
        return null;
    }

    @Override
    public void delete(String id, long expectedVersion) {
        String county = CountyKeys.countyOf(id);
        // Claiming the row with a guarded version bump both checks the version and locks it until commit.
        int claimed = county == null ? 0 : handle.createUpdate("UPDATE households SET version = version + 1 "
                        + "WHERE county_code = :county AND id = :id AND version = :version")
                .bind("county", county).bind("id", id).bind("version", expectedVersion).execute();
        if (claimed == 0) {
            throw VersionRule.lostWrite(KIND, id, expectedVersion, county == null ? null : storedVersion(county, id));
        }
        deleteMembers(county, id);
        handle.createUpdate("DELETE FROM households WHERE county_code = :county AND id = :id")
                .bind("county", county).bind("id", id).execute();
    }

    @Override
    public Optional<Household> find(String id) {
        String county = CountyKeys.countyOf(id);
        if (county == null) {
            return Optional.empty();
        }
        List<Household.Builder> rows = handle.createQuery(HouseholdRows.SELECT_HOUSEHOLD
                        + " WHERE county_code = :county AND id = :id")
                .bind("county", county).bind("id", id)
                .map(HouseholdRows.HOUSEHOLD).list();
        return withMembers(rows).stream().findFirst();
    }

    /**
     * A keyset page (the first page, or after a key) reads its rows and one more, to know whether more follow, along
     * the primary key of each county it spans; a numbered page skips {@code offset} rows in key order. Only a counted
     * request counts the area.
     */
    @Override
    public Page<Household> findWithin(RegionCode area, PageRequest page) {
        Long total = page.counted() ? countWithin(area) : null;
        List<String> ids = new ArrayList<>();
        List<Household.Builder> rows = page.offset() > 0
                ? numberedPage(area, page.offset(), page.limit() + 1, ids)
                : keysetPage(area, null, HouseholdRows.SELECT_HOUSEHOLD, HouseholdRows.HOUSEHOLD, page.after(),
                        page.limit() + 1, ids);
        boolean more = rows.size() > page.limit();
        if (more) {
            rows = rows.subList(0, page.limit());
        }
        return new Page<>(withMembers(rows, narrow(area)), total, page, more,
                rows.isEmpty() ? null : ids.get(rows.size() - 1));
    }

    /** {@code limit} households after the first {@code offset} of the area, in id order. */
    private List<Household.Builder> numberedPage(RegionCode area, int offset, int limit, List<String> ids) {
        Query query;
        if (area.level().ordinal() <= RegionLevel.COUNTY.ordinal()) {
            // Whole counties: skipped along the primary key, never sorted.
            query = handle.createQuery(HouseholdRows.SELECT_HOUSEHOLD + " WHERE " + countiesCondition(area)
                    + " ORDER BY county_code, id LIMIT :limit OFFSET :offset");
            bindCounties(query, area);
        } else {
            AreaFilter filter = new AreaFilter(area);
            query = filter.bind(handle.createQuery(HouseholdRows.SELECT_HOUSEHOLD + " WHERE " + filter.condition()
                    + " ORDER BY id, county_code LIMIT :limit OFFSET :offset"));
        }
        return query.bind("limit", limit).bind("offset", offset).map(recordingIds(HouseholdRows.HOUSEHOLD, ids))
                .list();
    }

    /** The SQL condition "in one of the counties of {@code area}" (a county, prefecture or province). */
    private static String countiesCondition(RegionCode area) {
        return area.level() == RegionLevel.COUNTY ? "county_code = :county"
                : "county_code >= :first_county AND county_code <= :last_county";
    }

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindCounties(S statement,
            RegionCode area) {
        if (area.level() == RegionLevel.COUNTY) {
            return statement.bind("county", area.countyCode());
        }
        return statement.bind("first_county", (area.prefix() + "000000").substring(0, 6))
                .bind("last_county", (area.prefix() + "999999").substring(0, 6));
    }

    /**
     * The first county with households inside {@code area} (a prefecture or province) whose code is at least
     * {@code from}, or null: one index seek, so walking the counties of a province costs one seek per county.
     */
    private String nextCounty(RegionCode area, String from) {
        return bindCounties(handle.createQuery("SELECT county_code FROM households WHERE " + countiesCondition(area)
                        + " AND county_code >= :from ORDER BY county_code LIMIT 1"), area)
                .bind("from", from).mapTo(String.class).findOne().map(String::strip).orElse(null);
    }

    @Override
    public Optional<RegionCode> regionOf(String id) {
        if (CountyKeys.countyOf(id) == null) {
            return Optional.empty();
        }
        return handle.createQuery("SELECT region_code FROM households WHERE county_code = :county AND id = :id")
                .bind("county", CountyKeys.countyOf(id)).bind("id", id)
                .mapTo(String.class).findOne().map(RegionCode::new);
    }

    /** One query per county and {@link Chunks#KEYS} ids for the households, one more for their members. */
    @Override
    public Map<String, Household> findAll(Collection<String> ids) {
        Map<String, Household> found = new HashMap<>();
        byCounty(ids).forEach((county, countyIds) -> {
            KeyLookup lookup = dialect.keyLookup("households", "h", "id");
            for (List<String> chunk : Chunks.of(countyIds, Chunks.KEYS)) {
                List<Household.Builder> rows = lookup.bind(handle.createQuery("SELECT "
                                + Column.names(HouseholdRows.HOUSEHOLD_COLUMNS) + " FROM " + lookup.from()
                                + " WHERE h.county_code = :county AND " + lookup.where()), chunk)
                        .bind("county", county)
                        .map(HouseholdRows.HOUSEHOLD).list();
                withMembers(rows, true).forEach(h -> found.put(h.id(), h));
            }
        });
        return inOrderOf(ids, found);
    }

    /** One query per county and {@link Chunks#KEYS} ids. */
    @Override
    public Map<String, RegionCode> regionsOf(Collection<String> ids) {
        Map<String, RegionCode> found = new HashMap<>();
        byCounty(ids).forEach((county, countyIds) -> {
            KeyLookup lookup = dialect.keyLookup("households", "h", "id");
            for (List<String> chunk : Chunks.of(countyIds, Chunks.KEYS)) {
                lookup.bind(handle.createQuery("SELECT h.id, h.region_code FROM " + lookup.from()
                                + " WHERE h.county_code = :county AND " + lookup.where()), chunk)
                        .bind("county", county)
                        .map((rs, ctx) -> Map.entry(rs.getString("id"), new RegionCode(rs.getString("region_code"))))
                        .forEach(e -> found.put(e.getKey(), e.getValue()));
            }
        });
        return inOrderOf(ids, found);
    }

    /** Keyset pages (id after the last one seen) instead of OFFSET, and no counting: each page costs the same. */
    @Override
    public void forEachWithin(RegionCode area, java.util.function.Consumer<Household> action) {
        boolean narrow = narrow(area);
        scan(area, null, HouseholdRows.SELECT_HOUSEHOLD, HouseholdRows.HOUSEHOLD,
                rows -> withMembers(rows, narrow).forEach(action));
    }

    /**
     * The status filter is part of the query, and members are read by key for the households that pass it: a page
     * of, say, the few poor households left may span the whole county, so a key range would read every member.
     */
    @Override
    public void forEachWithin(RegionCode area, Set<PovertyStatus> statuses,
            java.util.function.Consumer<Household> action) {
        if (statuses.isEmpty()) {
            return;
        }
        scan(area, statuses, HouseholdRows.SELECT_HOUSEHOLD, HouseholdRows.HOUSEHOLD,
                rows -> withMembers(rows, true).forEach(action));
    }

    /** Summaries with the member count from the members' primary key; no member row is decoded. */
    @Override
    public void forEachSummaryWithin(RegionCode area, java.util.function.Consumer<HouseholdSummary> action) {
        scan(area, null, "SELECT id, region_code, status, main_cause, identified_year, "
                        + "(SELECT COUNT(*) FROM members m WHERE m.county_code = households.county_code "
                        + "AND m.household_id = households.id) AS member_count FROM households",
                (rs, ctx) -> new HouseholdSummary(rs.getString(1), new RegionCode(rs.getString(2)),
                        Codes.parse(PovertyStatus.class, rs.getString(3)), Codes.parse(PovertyCause.class,
                        rs.getString(4)), rs.getInt(6), rs.getInt(5)),
                rows -> rows.forEach(action));
    }

    /**
     * Reads the households inside {@code area} (of the given statuses, or all when {@code statuses} is null) in id
     * pages of {@link #SCAN_PAGE}, each handed to {@code page}. {@code select} reads table {@code households}
     * (unaliased) and selects its {@code id}.
     */
    private <T> void scan(RegionCode area, Set<PovertyStatus> statuses, String select, RowMapper<T> mapper,
            java.util.function.Consumer<List<T>> page) {
        String after = null;
        while (true) {
            List<String> ids = new ArrayList<>();
            List<T> rows = keysetPage(area, statuses, select, mapper, after, SCAN_PAGE, ids);
            page.accept(rows);
            if (ids.size() < SCAN_PAGE) {
                return;
            }
            after = ids.get(ids.size() - 1);
        }
    }

    /**
     * At most {@code limit} households inside {@code area} (of the given statuses, or all when null) with ids after
     * {@code after} (null: from the start), in id order; each row's id is added to {@code ids}.
     *
     * <p>A county is read along the primary key in key order, so a page stops after its rows (through the region
     * index H2 read the whole county and sorted it for every page). An area of several counties is read county by
     * county the same way, in county order, which is id order since ids start with the county code: as one query
     * over the area every page was a scan of the whole area and a sort. Townships and villages go through the
     * region index.
     */
    private <T> List<T> keysetPage(RegionCode area, Set<PovertyStatus> statuses, String select, RowMapper<T> mapper,
            String after, int limit, List<String> ids) {
        if (area.level().ordinal() >= RegionLevel.COUNTY.ordinal()) {
            return countyPage(area, statuses, select, mapper, after, limit, ids);
        }
        List<T> out = new ArrayList<>();
        String county = nextCounty(area, after == null ? "" : CountyKeys.countyOf(after));
        while (county != null && out.size() < limit) {
            RegionCode whole = RegionCode.of(county + "000000");
            String from = after != null && county.equals(CountyKeys.countyOf(after)) ? after : null;
            out.addAll(countyPage(whole, statuses, select, mapper, from, limit - out.size(), ids));
            if (out.size() < limit) {
                county = nextCounty(area, String.valueOf(Integer.parseInt(county) + 1));
            }
        }
        return out;
    }

    /** {@link #keysetPage} for an area within one county. */
    private <T> List<T> countyPage(RegionCode area, Set<PovertyStatus> statuses, String select, RowMapper<T> mapper,
            String after, int limit, List<String> ids) {
        AreaFilter filter = new AreaFilter(area);
        boolean county = area.level() == RegionLevel.COUNTY;
        String where = (county ? "county_code = :county" : filter.condition())
                + (statuses == null ? "" : " AND status IN (<statuses>)");
        String order = county ? " ORDER BY county_code, id" : " ORDER BY id, county_code";
        Query query = handle.createQuery(select + " WHERE " + where
                        + (after == null ? "" : " AND id > :after") + order + " LIMIT :limit")
                .bind("limit", limit);
        if (county) {
            query.bind("county", area.countyCode());
        } else {
            filter.bind(query);
        }
        if (statuses != null) {
            query.bindList("statuses", statuses.stream().map(Codes::of).toList());
        }
        if (after != null) {
            query.bind("after", after);
        }
        return query.map(recordingIds(mapper, ids)).list();
    }

    /** {@code mapper}, also noting each row's {@code id} column in {@code ids} (the keyset of the next page). */
    private static <T> RowMapper<T> recordingIds(RowMapper<T> mapper, List<String> ids) {
        return new RowMapper<>() {
            @Override
            public RowMapper<T> specialize(java.sql.ResultSet rs, StatementContext ctx) throws java.sql.SQLException {
                RowMapper<T> inner = mapper.specialize(rs, ctx);
                int id = rs.findColumn("id");
                return (row, c) -> {
                    ids.add(row.getString(id));
                    return inner.map(row, c);
                };
            }

            @Override
            public T map(java.sql.ResultSet rs, StatementContext ctx) throws java.sql.SQLException {
                ids.add(rs.getString("id"));
                return mapper.map(rs, ctx);
            }
        };
    }

    /** A township or village: its households are scattered over the county's id range. */
    private static boolean narrow(RegionCode area) {
        return area.level().ordinal() > RegionLevel.COUNTY.ordinal();
    }

    /**
     * One {@code GROUP BY} over the area's households, joined to their member counts (one {@code GROUP BY} over the
     * same counties' members), so that the database counts and only the groups travel.
     */
    @Override
    public List<AreaAggregate> aggregate(AreaAggregateQuery query) {
        RegionCode area = query.area();
        int digits = query.groupLevel().significantDigits();
        // By village the group is the region itself; cutting it would cost a string per row for nothing.
        String group = digits == 12 ? "h.region_code" : "SUBSTRING(h.region_code, 1, " + digits + ")";
        boolean counties = !narrow(area);
        AreaFilter filter = new AreaFilter(area);
        String households = counties ? countiesCondition(area).replace("county_code", "h.county_code")
                : filter.condition("h");
        String members = counties ? countiesCondition(area) : "county_code = :area_county";
        Query q = handle.createQuery("SELECT " + group + " AS grp, h.status, h.main_cause, COUNT(*) AS households, "
                + "SUM(COALESCE(m.people, 0)) AS people FROM households h LEFT JOIN (SELECT county_code, household_id, "
                + "COUNT(*) AS people FROM members WHERE " + members + " GROUP BY county_code, household_id) m "
                + "ON m.county_code = h.county_code AND m.household_id = h.id WHERE " + households
                + " GROUP BY " + group + ", h.status, h.main_cause");
        if (counties) {
            bindCounties(q, area);
        } else {
            filter.bind(q);
        }
        return q.map((rs, ctx) -> new AreaAggregate(
                        new RegionCode((rs.getString(1).strip() + "000000000000").substring(0, 12)),
                        Codes.parse(PovertyStatus.class, rs.getString(2)),
                        Codes.parse(PovertyCause.class, rs.getString(3)), rs.getLong(4), rs.getLong(5)))
                .list().stream().sorted(AreaAggregate.ORDER).toList();
    }

    @Override
    public long countWithin(RegionCode area) {
        if (area.level().ordinal() <= RegionLevel.COUNTY.ordinal()) {
            return bindCounties(handle.createQuery("SELECT COUNT(*) FROM households WHERE "
                    + countiesCondition(area)), area).mapTo(Long.class).one();
        }
        AreaFilter filter = new AreaFilter(area);
        return filter.bind(handle.createQuery("SELECT COUNT(*) FROM households WHERE " + filter.condition()))
                .mapTo(Long.class).one();
    }

    @Override
    public List<Household> findActiveByCitizenId(CitizenId citizenId) {
        // Driven from the members index, then by primary key: an EXISTS over households made some planners scan
        // every household for each ID, which made bulk registration quadratic.
        List<Household> out = new ArrayList<>();
        for (Map<String, Object> key : handle.createQuery("SELECT DISTINCT county_code, household_id FROM members "
                        + "WHERE citizen_id = :citizen ORDER BY household_id, county_code")
                .bind("citizen", citizenId.value()).mapToMap().list()) {
            List<Household.Builder> rows = handle.createQuery(HouseholdRows.SELECT_HOUSEHOLD
                            + " WHERE county_code = :county AND id = :id AND status <> :removed")
                    .bind("county", String.valueOf(key.get("county_code")).trim())
                    .bind("id", String.valueOf(key.get("household_id")))
                    .bind("removed", Codes.of(PovertyStatus.REMOVED))
                    .map(HouseholdRows.HOUSEHOLD).list();
            out.addAll(withMembers(rows));
        }
        return out;
    }

    /**
     * One query per {@link Chunks#KEYS} IDs, driven from the members' citizen ID index into the households' primary
     * key (checked with EXPLAIN on H2, PostgreSQL and MariaDB).
     */
    @Override
    public Map<CitizenId, List<String>> activeHoldersOf(Collection<CitizenId> citizenIds) {
        List<String> values = citizenIds.stream().map(CitizenId::value).distinct().toList();
        Map<String, TreeSet<String>> holders = new HashMap<>();
        KeyLookup lookup = dialect.keyLookup("members", "m", "citizen_id");
        for (List<String> chunk : Chunks.of(values, Chunks.KEYS)) {
            lookup.bind(handle.createQuery("SELECT m.citizen_id, m.household_id FROM " + lookup.from()
                            + " JOIN households h ON h.county_code = m.county_code AND h.id = m.household_id WHERE "
                            + lookup.where() + " AND h.status <> :removed"), chunk)
                    .bind("removed", Codes.of(PovertyStatus.REMOVED))
                    .map((rs, ctx) -> Map.entry(rs.getString("citizen_id").strip(), rs.getString("household_id")))
                    .forEach(e -> holders.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(e.getValue()));
        }
        Map<CitizenId, List<String>> out = new LinkedHashMap<>();
        for (CitizenId c : citizenIds) {
            TreeSet<String> ids = holders.get(c.value());
            if (ids != null) {
                out.putIfAbsent(c, List.copyOf(ids));
            }
        }
        return out;
    }

    /** Distinct ids by the county they name, in order of first appearance; ids naming no county are left out. */
    private static Map<String, List<String>> byCounty(Collection<String> ids) {
        Map<String, LinkedHashSet<String>> sets = new LinkedHashMap<>();
        for (String id : ids) {
            String county = CountyKeys.countyOf(id);
            if (county != null) {
                sets.computeIfAbsent(county, c -> new LinkedHashSet<>()).add(id);
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        sets.forEach((county, set) -> out.put(county, List.copyOf(set)));
        return out;
    }

    /** {@code found} keyed in the order of {@code ids}. */
    private static <V> Map<String, V> inOrderOf(Collection<String> ids, Map<String, V> found) {
        Map<String, V> out = new LinkedHashMap<>();
        for (String id : ids) {
            V v = found.get(id);
            if (v != null) {
                out.putIfAbsent(id, v);
            }
        }
        return out;
    }

    /**
     * The stored members of households of one county, by household id, read by key (at most {@link Chunks#KEYS}
     * ids): for scattered ids, where the primary-key range of {@link #withMembers} would read everything between.
     */
    private Map<String, List<Member>> membersOf(String county, List<String> ids) {
        Map<String, List<Member>> out = new HashMap<>();
        if (dialect.joinsKeysBadly()) {
            // One primary-key lookup per household: joined to a key list, H2 at 1M households read the county's
            // members (490k) and scanned the key list for each of them, 38-51 s per 1,000 keys, whatever the join
            // columns and ordering.
            for (String id : ids) {
                handle.createQuery(HouseholdRows.SELECT_MEMBER + " WHERE county_code = :county AND household_id = :id "
                                + "ORDER BY seq")
                        .bind("county", county).bind("id", id)
                        .map(HouseholdRows.MEMBER)
                        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            }
            return out;
        }
        KeyLookup lookup = dialect.keyLookup("members", "m", "county_code", "household_id");
        lookup.bindColumns(handle.createQuery("SELECT " + Column.names(HouseholdRows.MEMBER_COLUMNS) + " FROM "
                        + lookup.from() + " WHERE m.county_code = :county AND " + lookup.where()
                        + " ORDER BY " + lookup.orderBy(1) + ", m.seq"),
                        List.of(java.util.Collections.nCopies(ids.size(), county), ids))
                .bind("county", county)
                .map(HouseholdRows.MEMBER)
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    private Long storedVersion(String county, String id) {
        return handle.createQuery("SELECT version FROM households WHERE county_code = :county AND id = :id")
                .bind("county", county).bind("id", id).mapTo(Long.class).findOne().orElse(null);
    }

    /** The first id of the batch, in input order, that is already stored. */
    private String firstStored(List<Household> batch) {
        Map<String, TreeSet<String>> idsByCounty = new LinkedHashMap<>();
        for (Household h : batch) {
            idsByCounty.computeIfAbsent(h.countyCode(), c -> new TreeSet<>()).add(h.id());
        }
        // One primary-key range per county rather than IN lists, which H2 evaluates row by row (see withMembers).
        Set<String> found = new HashSet<>();
        for (Map.Entry<String, TreeSet<String>> e : idsByCounty.entrySet()) {
            handle.createQuery("SELECT id FROM households WHERE county_code = :county AND id >= :first AND id <= :last")
                    .bind("county", e.getKey()).bind("first", e.getValue().first()).bind("last", e.getValue().last())
                    .mapTo(String.class).forEach(id -> {
                        if (e.getValue().contains(id)) {
                            found.add(id);
                        }
                    });
        }
        return batch.stream().map(Household::id).filter(found::contains).findFirst().orElse(null);
    }

    private static String firstRepeatedId(List<Household> batch) {
        Set<String> seen = new HashSet<>();
        for (Household h : batch) {
            if (!seen.add(h.id())) {
                return h.id();
            }
        }
        return "(one of " + batch.size() + " in the batch)";
    }

    private void insertMembers(List<MemberRow> rows) {
        for (List<MemberRow> chunk : Chunks.of(rows, batchSize)) {
            PreparedBatch batch = handle.prepareBatch(HouseholdRows.INSERT_MEMBER);
            for (MemberRow row : chunk) {
                Bind.columns(batch, HouseholdRows.MEMBER_COLUMNS, row).add();
            }
            batch.execute();
        }
    }

    private void deleteMembers(String county, String id) {
        handle.createUpdate("DELETE FROM members WHERE county_code = :county AND household_id = :id")
                .bind("county", county).bind("id", id).execute();
    }

    /** Completes household rows with their members, loaded in one query per thousand households. */
    private List<Household> withMembers(List<Household.Builder> rows) {
        return withMembers(rows, false);
    }

    /**
     * Completes household rows with their members: read by key ({@code byKey}, for rows scattered over the county,
     * such as a status-filtered page) or along one primary-key range per county (for rows contiguous in id order).
     */
    private List<Household> withMembers(List<Household.Builder> rows, boolean byKey) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<Member>> members = new LinkedHashMap<>();
        Map<String, TreeSet<String>> idsByCounty = new LinkedHashMap<>();
        List<Household> bare = new ArrayList<>(rows.size());
        for (Household.Builder b : rows) {
            Household h = b.build();
            bare.add(h);
            idsByCounty.computeIfAbsent(h.countyCode(), c -> new TreeSet<>()).add(h.id());
            members.put(h.id(), new ArrayList<>());
        }
        if (byKey) {
            idsByCounty.forEach((county, ids) -> {
                for (List<String> chunk : Chunks.of(new ArrayList<>(ids), Chunks.KEYS)) {
                    membersOf(county, chunk).forEach((id, list) -> members.get(id).addAll(list));
                }
            });
            return complete(rows, bare, members);
        }
        // A range on the primary key (county_code, household_id, seq) instead of a long IN list: some planners
        // (H2) evaluate such lists row by row, which made every page cost a scan of the county's members. Pages
        // are contiguous in id order, so the range holds little beyond the page; the rest is dropped here.
        for (Map.Entry<String, TreeSet<String>> e : idsByCounty.entrySet()) {
            handle.createQuery(HouseholdRows.SELECT_MEMBER
                            + " WHERE county_code = :county AND household_id >= :first AND household_id <= :last"
                            + " ORDER BY household_id, seq")
                    .bind("county", e.getKey()).bind("first", e.getValue().first()).bind("last", e.getValue().last())
                    .map(HouseholdRows.MEMBER)
                    .forEach(m -> {
                        List<Member> list = members.get(m.getKey());
                        if (list != null) {
                            list.add(m.getValue());
                        }
                    });
        }
        return complete(rows, bare, members);
    }

    private static List<Household> complete(List<Household.Builder> rows, List<Household> bare,
            Map<String, List<Member>> members) {
        List<Household> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(rows.get(i).members(members.get(bare.get(i).id())).build());
        }
        return out;
    }
}

package org.jingzhun.storage.jdbc.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.HouseholdRepository;
import org.jingzhun.spi.storage.Page;
import org.jingzhun.spi.storage.PageRequest;
import org.jingzhun.storage.jdbc.internal.HouseholdRows.MemberRow;

/**
 * Households in {@code households} and {@code members}. Optimistic locking is a guarded UPDATE
 * ({@code WHERE county_code = ? AND id = ? AND version = ?}); members are replaced as a whole on update. Inserts look
 * for an existing id first so that the common duplicate is reported without poisoning the transaction, and the
 * primary key catches the rest.
 */
final class JdbcHouseholdRepository implements HouseholdRepository {
    private static final int SCAN_PAGE = 5_000;
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
        insertMembers(HouseholdRows.memberRows(stored));
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
            bulk.write(handle, stored);
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
        int changed = Bind.columns(handle.createUpdate(HouseholdRows.UPDATE_HOUSEHOLD),
                HouseholdRows.HOUSEHOLD_COLUMNS.stream().filter(c -> !c.name().equals("version")).toList(),
                household).bind("version", household.version()).execute();
        if (changed == 0) {
            throw VersionRule.lostWrite(KIND, household.id(), household.version(),
                    storedVersion(household.countyCode(), household.id()));
        }
        // Most changes (status, card fields) leave the members alone; rewriting them would cost a delete and a
        // batch insert with index maintenance each time, so compare with what is stored first.
        if (!storedMembers(household.countyCode(), household.id()).equals(stored.members())) {
            deleteMembers(household.countyCode(), household.id());
            insertMembers(HouseholdRows.memberRows(stored));
        }
        return stored;
    }

    private List<Member> storedMembers(String county, String id) {
        return handle.createQuery(HouseholdRows.SELECT_MEMBER
                        + " WHERE county_code = :county AND household_id = :id ORDER BY seq")
                .bind("county", county).bind("id", id)
                .map((rs, ctx) -> HouseholdRows.member(rs)).list();
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
                .map((rs, ctx) -> HouseholdRows.household(rs)).list();
        return withMembers(rows).stream().findFirst();
    }

    @Override
    public Page<Household> findWithin(RegionCode area, PageRequest page) {
        AreaFilter filter = new AreaFilter(area);
        List<Household.Builder> rows = filter.bind(handle.createQuery(HouseholdRows.SELECT_HOUSEHOLD + " WHERE "
                        + filter.condition() + " ORDER BY id, county_code LIMIT :limit OFFSET :offset"))
                .bind("limit", page.limit()).bind("offset", page.offset())
                .map((rs, ctx) -> HouseholdRows.household(rs)).list();
        return new Page<>(withMembers(rows), countWithin(area), page);
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

    /** Keyset pages (id after the last one seen) instead of OFFSET, and no counting: each page costs the same. */
    @Override
    public void forEachWithin(RegionCode area, java.util.function.Consumer<Household> action) {
        AreaFilter filter = new AreaFilter(area);
        String after = null;
        while (true) {
            Query query = filter.bind(handle.createQuery(HouseholdRows.SELECT_HOUSEHOLD + " WHERE "
                            + filter.condition() + (after == null ? "" : " AND id > :after")
                            + " ORDER BY id, county_code LIMIT :limit"))
                    .bind("limit", SCAN_PAGE);
            if (after != null) {
                query.bind("after", after);
            }
            List<Household> page = withMembers(query.map((rs, ctx) -> HouseholdRows.household(rs)).list());
            page.forEach(action);
            if (page.size() < SCAN_PAGE) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    @Override
    public long countWithin(RegionCode area) {
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
                    .map((rs, ctx) -> HouseholdRows.household(rs)).list();
            out.addAll(withMembers(rows));
        }
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
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<Member>> members = new LinkedHashMap<>();
        Map<String, TreeSet<String>> idsByCounty = new LinkedHashMap<>();
        for (Household.Builder b : rows) {
            Household h = b.build();
            idsByCounty.computeIfAbsent(h.countyCode(), c -> new TreeSet<>()).add(h.id());
            members.put(h.id(), new ArrayList<>());
        }
        // A range on the primary key (county_code, household_id, seq) instead of a long IN list: some planners
        // (H2) evaluate such lists row by row, which made every page cost a scan of the county's members. Pages
        // are contiguous in id order, so the range holds little beyond the page; the rest is dropped here.
        for (Map.Entry<String, TreeSet<String>> e : idsByCounty.entrySet()) {
            handle.createQuery(HouseholdRows.SELECT_MEMBER
                            + " WHERE county_code = :county AND household_id >= :first AND household_id <= :last"
                            + " ORDER BY household_id, seq")
                    .bind("county", e.getKey()).bind("first", e.getValue().first()).bind("last", e.getValue().last())
                    .map((rs, ctx) -> Map.entry(rs.getString("household_id"), HouseholdRows.member(rs)))
                    .forEach(m -> {
                        List<Member> list = members.get(m.getKey());
                        if (list != null) {
                            list.add(m.getValue());
                        }
                    });
        }
        List<Household> out = new ArrayList<>(rows.size());
        for (Household.Builder b : rows) {
            Household h = b.build();
            out.add(h.toBuilder().members(members.get(h.id())).build());
        }
        return out;
    }
}

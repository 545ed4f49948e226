package org.jingzhun.storage.memory.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jingzhun.spi.error.ConflictException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.HouseholdRepository;
import org.jingzhun.spi.storage.Page;
import org.jingzhun.spi.storage.PageRequest;

/**
 * Households of one unit of work, enforcing the version rule, the county-prefixed id and the rule that a citizen ID
 * is active in at most one household (checked against the table under the storage lock before each write).
 */
final class MemoryHouseholdRepository implements HouseholdRepository {
    static final String KIND = "household";
    private static final int SCAN_PAGE = 1_000;

    private final HouseholdTable table;
    private final UnitOfWork unit;

    MemoryHouseholdRepository(HouseholdTable table, UnitOfWork unit) {
        this.table = table;
        this.unit = unit;
    }

    @Override
    public Household insert(Household household) {
        unit.check();
        requireInsertable(household);
        VersionRule.requireAbsent(KIND, household.id(), table.get(household.id()));
        requireFreeCitizenIds(household, "household " + household.id(), Map.of());
        Household stored = household.toBuilder().version(1).build();
        table.put(stored, unit.undo());
        return stored;
    }

    @Override
    public List<Household> insertAll(List<Household> households) {
        unit.check();
        // Checked before the first write, so a refused batch leaves the tables untouched even without the undo log.
        Set<String> seen = new HashSet<>();
        Map<String, String> batchHolders = new HashMap<>();
        for (int i = 0; i < households.size(); i++) {
            Household h = households.get(i);
            requireInsertable(h);
            if (!seen.add(h.id())) {
                throw new ConflictException("storage.duplicate", KIND, h.id());
            }
            VersionRule.requireAbsent(KIND, h.id(), table.get(h.id()));
            requireFreeCitizenIds(h, "row " + (i + 1), batchHolders);
            if (h.status().active()) {
                h.members().forEach(m -> batchHolders.putIfAbsent(m.citizenId().value(), h.id()));
            }
        }
        List<Household> stored = new ArrayList<>(households.size());
        for (Household h : households) {
            Household s = h.toBuilder().version(1).build();
            table.put(s, unit.undo());
            stored.add(s);
        }
        return stored;
    }

    @Override
    public Household update(Household household) {
        unit.check();
        requireCountyPrefixedId(household);
        Household current = table.get(household.id());
        VersionRule.requireCurrent(KIND, household.id(), current == null ? null : current.version(),
                household.version());
        return store(household, "household " + household.id());
    }

    /** In input order, each checked against the table as the earlier ones left it (as a database would). */
    @Override
    public List<Household> updateAll(List<Household> households) {
        unit.check();
        List<Household> out = new ArrayList<>(households.size());
        for (int i = 0; i < households.size(); i++) {
            Household h = households.get(i);
            requireCountyPrefixedId(h);
            Household current = table.get(h.id());
            VersionRule.requireCurrent(KIND, h.id(), current == null ? null : current.version(), h.version());
            out.add(store(h, "row " + (i + 1)));
        }
        return out;
    }

    private Household store(Household household, String record) {
        requireFreeCitizenIds(household, record, Map.of());
        Household stored = household.toBuilder().version(household.version() + 1).build();
        table.put(stored, unit.undo());
        return stored;
    }

    /**
     * Refuses an active household listing a citizen ID that another active household holds, in the table or earlier
     * in the same batch ({@code batchHolders}, ID to household id).
     */
    private void requireFreeCitizenIds(Household h, String record, Map<String, String> batchHolders) {
        if (!h.status().active()) {
            return;
        }
        for (int i = 0; i < h.members().size(); i++) {
            Member m = h.members().get(i);
            String holder = batchHolders.get(m.citizenId().value());
            if (holder == null || holder.equals(h.id())) {
                holder = table.withMember(m.citizenId()).stream()
                        .filter(o -> o.status().active() && !o.id().equals(h.id()))
                        .map(Household::id).findFirst().orElse(null);
            }
            if (holder != null) {
                throw new ValidationException(List.of(Violation.of(record, "members[" + i + "].citizenId",
                        "validation.id_taken", m.citizenId().masked(), holder)));
            }
        }
    }

    @Override
    public void delete(String id, long expectedVersion) {
        unit.check();
        Household current = table.get(id);
        VersionRule.requireCurrent(KIND, id, current == null ? null : current.version(), expectedVersion);
        table.remove(id, unit.undo());
    }

    @Override
    public Optional<Household> find(String id) {
        unit.check();
        return Optional.ofNullable(table.get(id));
    }

    @Override
    public Page<Household> findWithin(RegionCode area, PageRequest page) {
        unit.check();
        if (page.after() == null && page.offset() > 0 || page.counted()) {
            // A numbered or counted page needs the whole area anyway.
            return Pages.keyed(table.within(area), page);
        }
        List<Household> rows = table.within(area, page.after(), page.limit() + 1);
        boolean more = rows.size() > page.limit();
        List<Household> items = more ? rows.subList(0, page.limit()) : rows;
        return new Page<>(items, null, page, more,
                items.isEmpty() ? null : items.get(items.size() - 1).id());
    }

    /** Walks the area a page at a time, so that a scan costs the area once, not once per page. */
    @Override
    public void forEachWithin(RegionCode area, java.util.function.Consumer<Household> action) {
        unit.check();
        String after = null;
        while (true) {
            List<Household> rows = table.within(area, after, SCAN_PAGE);
            rows.forEach(action);
            if (rows.size() < SCAN_PAGE) {
                return;
            }
            after = rows.get(rows.size() - 1).id();
        }
    }

    @Override
    public long countWithin(RegionCode area) {
        unit.check();
        return table.within(area).size();
    }

    @Override
    public List<Household> findActiveByCitizenId(CitizenId citizenId) {
        unit.check();
        return table.withMember(citizenId).stream().filter(h -> h.status().active()).toList();
    }

    private static void requireInsertable(Household h) {
        if (h.version() != 0) {
            throw new IllegalArgumentException("a new household has version 0, not " + h.version() + ": " + h.id());
        }
        requireCountyPrefixedId(h);
    }

    private static void requireCountyPrefixedId(Household h) {
        if (h.id() == null || !h.id().startsWith(h.countyCode() + "-") || h.id().length() == 7) {
            throw new IllegalArgumentException("household id " + h.id() + " must be '" + h.countyCode()
                    + "-<sequence>', the county of its region " + h.region());
        }
    }
}

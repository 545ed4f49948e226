package org.jingzhun.spi.storage;

import java.util.List;
import java.util.Optional;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.HouseholdSummary;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.region.RegionCode;

/**
 * Stored households with their members. Versions are the optimistic lock: {@link #insert} stores version 1,
 * {@link #update} succeeds only when the given household's version equals the stored one and stores version + 1.
 *
 * <p>Storage itself keeps the registry's uniqueness rule: a citizen ID is a member of at most one active household
 * ({@link org.jingzhun.spi.household.PovertyStatus#active()}), whatever the county and however many writers race.
 * A write of an active household listing an ID another active household holds is refused with a
 * {@link org.jingzhun.spi.error.ValidationException} whose violation has code {@code validation.id_taken}, field
 * {@code members[i].citizenId} and record {@code household <id>} (single writes) or {@code row <n>} (the 1-based
 * position in a batch), and whose message names the masked ID and the holder's id, as core reports it.
 */
public interface HouseholdRepository {
    /**
     * Stores a new household (its version must be 0) and returns it with version 1.
     *
     * @throws org.jingzhun.spi.error.ConflictException code {@code storage.duplicate} when the id exists
     */
    Household insert(Household household);

    /**
     * Stores many new households at once; the bulk path of imports. Either all are stored or, on any failure, none.
     * Returns them with version 1, in input order.
     */
    default List<Household> insertAll(List<Household> households) {
        return households.stream().map(this::insert).toList();
    }

    /**
     * Replaces a household, members included.
     *
     * @throws org.jingzhun.spi.error.ConflictException code {@code storage.version_conflict} when the stored version
     *         differs from {@code household.version()}
     * @throws org.jingzhun.spi.error.NotFoundException code {@code storage.not_found} when the id is unknown
     */
    Household update(Household household);

    /**
     * Replaces many households with the rule of {@link #update}, in input order, with as few round trips as the
     * backend allows (a village's exit list). On the first household that breaks the rule it throws the same
     * exception {@link #update} would, naming that household. Returns them with their new versions.
     */
    default List<Household> updateAll(List<Household> households) {
        return households.stream().map(this::update).toList();
    }

    /** Deletes a household and its members; same version rule as {@link #update}. */
    void delete(String id, long expectedVersion);

    Optional<Household> find(String id);

    /** The village a household lives in, without loading it; for checks that need only its place (scope, county). */
    default Optional<RegionCode> regionOf(String id) {
        return find(id).map(Household::region);
    }

    /** The stored households among {@code ids}, keyed by id; unknown ids are absent. */
    default java.util.Map<String, Household> findAll(java.util.Collection<String> ids) {
        java.util.Map<String, Household> out = new java.util.LinkedHashMap<>();
        for (String id : ids) {
            find(id).ifPresent(h -> out.put(id, h));
        }
        return out;
    }

    /** The villages of the stored households among {@code ids}, keyed by id; unknown ids are absent. */
    default java.util.Map<String, RegionCode> regionsOf(java.util.Collection<String> ids) {
        java.util.Map<String, RegionCode> out = new java.util.LinkedHashMap<>();
        for (String id : ids) {
            regionOf(id).ifPresent(r -> out.put(id, r));
        }
        return out;
    }

    /**
     * Households whose region lies inside {@code area}, ordered by id. A request {@linkplain PageRequest#after() after}
     * a key starts after the household with that id; the page's {@link Page#lastKey()} is the id of its last
     * household. A backend should read a keyset page and the first page without touching the rows before it, and
     * count the area only when {@linkplain PageRequest#counted() asked}, so that walking an area page by page costs
     * as much per household at any registry size.
     */
    Page<Household> findWithin(RegionCode area, PageRequest page);

    long countWithin(RegionCode area);

    /**
     * Hands every household inside {@code area} to {@code action}, in id order: the scan path of statistics,
     * target decomposition and yearly runs. The default pages through {@link #findWithin}; a backend may stream
     * or use keyset pages instead, without counting.
     */
    default void forEachWithin(RegionCode area, java.util.function.Consumer<Household> action) {
        PageRequest req = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<Household> page = findWithin(area, req);
            page.items().forEach(action);
            if (!page.hasNext()) {
                return;
            }
            req = page.next();
        }
    }

    /**
     * Hands every household inside {@code area} whose status is one of {@code statuses} to {@code action}, in id
     * order: for callers that want only the poor, or only the exited. The default filters {@link #forEachWithin}; a
     * backend should filter where it reads, so that households it skips are never decoded.
     */
    default void forEachWithin(RegionCode area, java.util.Set<PovertyStatus> statuses,
            java.util.function.Consumer<Household> action) {
        if (statuses.isEmpty()) {
            return;
        }
        java.util.Set<PovertyStatus> wanted = java.util.EnumSet.copyOf(statuses);
        forEachWithin(area, h -> {
            if (wanted.contains(h.status())) {
                action.accept(h);
            }
        });
    }

    /**
     * Hands the summary of every household inside {@code area} to {@code action}, in id order: the path of counts
     * (statistics, targets, coverage), which need no members. The default summarizes {@link #forEachWithin}; a
     * backend should read the summaries without loading members.
     */
    default void forEachSummaryWithin(RegionCode area, java.util.function.Consumer<HouseholdSummary> action) {
        forEachWithin(area, h -> action.accept(HouseholdSummary.of(h)));
    }

    /**
     * The households inside the query's area counted by group (area at the query's level, status, main cause), with
     * their people, in {@link AreaAggregate#ORDER}: statistics for every area of a province in one call. A backend
     * should count where the rows are (a SQL backend: one {@code GROUP BY}); the default tallies
     * {@link #forEachSummaryWithin}, for backends that cannot.
     */
    default List<AreaAggregate> aggregate(AreaAggregateQuery query) {
        record Group(RegionCode area, PovertyStatus status, PovertyCause cause) {
        }
        java.util.Map<Group, long[]> tally = new java.util.HashMap<>();
        forEachSummaryWithin(query.area(), h -> {
            long[] t = tally.computeIfAbsent(new Group(query.groupOf(h.region()), h.status(), h.mainCause()),
                    g -> new long[2]);
            t[0]++;
            t[1] += h.size();
        });
        return tally.entrySet().stream()
                .map(e -> new AreaAggregate(e.getKey().area(), e.getKey().status(), e.getKey().cause(),
                        e.getValue()[0], e.getValue()[1]))
                .sorted(AreaAggregate.ORDER).toList();
    }

    /** Active (not removed) households having a member with this citizen ID. */
    List<Household> findActiveByCitizenId(CitizenId citizenId);

    /**
     * For each of {@code citizenIds} held by a member of an active (not removed) household, the ids of those
     * households in id order; IDs nobody holds are absent. The bulk form of {@link #findActiveByCitizenId} that
     * registration uses to check a whole batch with a few queries.
     */
    default java.util.Map<CitizenId, List<String>> activeHoldersOf(java.util.Collection<CitizenId> citizenIds) {
        java.util.Map<CitizenId, List<String>> out = new java.util.LinkedHashMap<>();
        for (CitizenId id : citizenIds) {
            List<String> holders = findActiveByCitizenId(id).stream().map(Household::id).sorted().toList();
            if (!holders.isEmpty()) {
                out.put(id, holders);
            }
        }
        return out;
    }
}

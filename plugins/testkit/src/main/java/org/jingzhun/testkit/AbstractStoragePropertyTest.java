package org.jingzhun.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.storage.AreaAggregate;
import org.jingzhun.spi.storage.AreaAggregateQuery;
import org.jingzhun.spi.storage.Storage;
import org.opentest4j.TestAbortedException;

/**
 * Save-then-load properties (往返性质) every {@link Storage} backend must satisfy for arbitrary valid households from
 * {@link HouseholdArbitraries}: what is inserted or updated is exactly what is read back, field for field, whatever
 * the text (Chinese, supplementary characters, quotes, line breaks), the optional fields left empty, the sizes of sets
 * and member lists. A jqwik container separate from {@link AbstractStorageContractTest} because jqwik and Jupiter
 * keep separate lifecycles; each property gets a fresh storage, and each try removes what it stored so the next one
 * starts from an empty registry.
 */
@AddLifecycleHook(SkipWhenStorageIsUnavailable.class)
public abstract class AbstractStoragePropertyTest {
    private Storage storage;

    /** A new, empty storage; closed after each property. */
    protected abstract Storage createStorage();

    @AfterProperty
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    /** Opens this property's storage; returns why it cannot be had when the backend aborts, else null. */
    String openStorage() {
        try {
            storage = createStorage();
            return null;
        } catch (TestAbortedException e) {
            return e.getMessage();
        }
    }

    @Property(tries = 150)
    void insertedHouseholdLoadsEqual(@ForAll("households") Household h) {
        try {
            Household stored = storage.inTransaction(tx -> tx.households().insert(h));

            assertThat(stored).isEqualTo(h.toBuilder().version(1).build());
            assertThat(find(h.id())).contains(stored);
        } finally {
            remove(h.id());
        }
    }

    @Property(tries = 75)
    void updatedHouseholdLoadsEqual(@ForAll("households") Household first, @ForAll("households") Household second) {
        try {
            Household stored = storage.inTransaction(tx -> tx.households().insert(first));
            Household replacement = second.toBuilder().id(first.id()).version(stored.version()).build();

            Household updated = storage.inTransaction(tx -> tx.households().update(replacement));

            assertThat(updated).isEqualTo(replacement.toBuilder().version(2).build());
            assertThat(find(first.id())).contains(updated);
        } finally {
            remove(first.id());
        }
    }

    /**
     * The storage's area aggregate equals a tally of the stored households, for generated registries over villages
     * of three counties in two prefectures, at every area level and group level.
     */
    @Property(tries = 30)
    void aggregateEqualsTheTallyOfTheStoredHouseholds(@ForAll("registries") List<Household> registry,
            @ForAll("aggregateQueries") AreaAggregateQuery query) {
        List<Household> stored = new ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Household h : registry) {
            // Ids unique, and a citizen ID active in one household at most, as storage requires.
            List<String> people = h.members().stream().map(m -> m.citizenId().value()).toList();
            if (ids.add(h.id()) && (!h.status().active() || people.stream().noneMatch(taken::contains))) {
                if (h.status().active()) {
                    taken.addAll(people);
                }
                stored.add(h);
            }
        }
        try {
            storage.inTransaction(tx -> tx.households().insertAll(stored));
            java.util.Map<List<Object>, long[]> tally = new java.util.HashMap<>();
            for (Household h : stored) {
                if (query.area().contains(h.region())) {
                    long[] t = tally.computeIfAbsent(List.of(query.groupOf(h.region()), h.status(), h.mainCause()),
                            k -> new long[2]);
                    t[0]++;
                    t[1] += h.size();
                }
            }
            List<AreaAggregate> expected = tally.entrySet().stream()
                    .map(e -> new AreaAggregate((RegionCode) e.getKey().get(0), (PovertyStatus) e.getKey().get(1),
                            (PovertyCause) e.getKey().get(2), e.getValue()[0], e.getValue()[1]))
                    .sorted(AreaAggregate.ORDER).toList();

            List<AreaAggregate> actual = storage.inTransaction(tx -> tx.households().aggregate(query));
            assertThat(actual).isEqualTo(expected);
        } finally {
            stored.forEach(h -> remove(h.id()));
        }
    }

    @Provide
    Arbitrary<List<Household>> registries() {
        // Few villages, so that groups hold several households.
        Arbitrary<RegionCode> villages = Arbitraries.of(AGGREGATE_VILLAGES);
        Arbitrary<Household> households = Arbitraries.of(AGGREGATE_VILLAGES.stream().map(RegionCode::countyCode)
                        .distinct().toList())
                .flatMap(county -> Combinators.combine(HouseholdArbitraries.households(county),
                                villages.filter(v -> v.countyCode().equals(county)))
                        .as((h, v) -> h.toBuilder().region(v).build()));
        return households.list().ofMaxSize(25);
    }

    @Provide
    Arbitrary<AreaAggregateQuery> aggregateQueries() {
        Arbitrary<RegionCode> areas = Arbitraries.of(RegionCode.of("340000"), RegionCode.of("341700"),
                RegionCode.of("341702"), RegionCode.of("341702100"), RegionCode.of("341702100201"),
                RegionCode.of("340102"));
        return areas.flatMap(area -> Arbitraries.of(RegionLevel.values())
                .filter(level -> level.ordinal() >= area.level().ordinal())
                .map(level -> new AreaAggregateQuery(area, level)));
    }

    private static final List<RegionCode> AGGREGATE_VILLAGES = List.of(RegionCode.of("341702100201"),
            RegionCode.of("341702100202"), RegionCode.of("341702200201"), RegionCode.of("341721100201"),
            RegionCode.of("340102001001"), RegionCode.of("340102001002"));

    @Provide
    Arbitrary<Household> households() {
        return HouseholdArbitraries.households();
    }

    private Optional<Household> find(String id) {
        return storage.inTransaction(tx -> tx.households().find(id));
    }

    private void remove(String id) {
        storage.inTransaction(tx -> {
            tx.households().find(id).ifPresent(h -> tx.households().delete(id, h.version()));
            return null;
        });
    }
}

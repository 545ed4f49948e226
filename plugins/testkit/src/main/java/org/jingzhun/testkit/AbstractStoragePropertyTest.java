package org.jingzhun.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import org.jingzhun.spi.household.Household;
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

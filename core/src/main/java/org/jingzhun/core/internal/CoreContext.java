package org.jingzhun.core.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.Storage;
import org.jingzhun.spi.storage.StorageTransaction;

/**
 * What every capability of core shares: storage, clock, JSON codec, validation, access guard and event delivery.
 * {@link #write} runs a unit of work in which audit entries are collected with {@link Work#audit} and published to
 * listeners only after the commit.
 */
public final class CoreContext {
    private final Storage storage;
    private final Clock clock;
    private final JsonCodec json;
    private final BeanValidation validation;
    private final AccessGuard guard;
    private final EventBus events;

    public CoreContext(Storage storage, Clock clock, JsonCodec json, BeanValidation validation, AccessGuard guard,
            EventBus events) {
        this.storage = storage;
        this.clock = clock;
        this.json = json;
        this.validation = validation;
        this.guard = guard;
        this.events = events;
    }

    public Storage storage() {
        return storage;
    }

    public Clock clock() {
        return clock;
    }

    public JsonCodec json() {
        return json;
    }

    public BeanValidation validation() {
        return validation;
    }

    public AccessGuard guard() {
        return guard;
    }

    /** A read-only unit of work. */
    public <T> T read(Function<StorageTransaction, T> work) {
        return storage.inTransaction(work);
    }

    /** A writing unit of work: its audit entries are appended in the same transaction and published after commit. */
    public <T> T write(Principal principal, Function<Work, T> work) {
        List<AuditEntry> appended = new ArrayList<>();
        T result = storage.inTransaction(tx -> {
            appended.clear();
            return work.apply(new Work(tx, principal, appended));
        });
        events.publish(appended);
        return result;
    }

    /** The transaction of a writing unit of work plus the means to audit it. */
    public final class Work {
        private final StorageTransaction tx;
        private final Principal principal;
        private final List<AuditEntry> appended;

        private Work(StorageTransaction tx, Principal principal, List<AuditEntry> appended) {
            this.tx = tx;
            this.principal = principal;
            this.appended = appended;
        }

        public StorageTransaction tx() {
            return tx;
        }

        public Principal principal() {
            return principal;
        }

        /** Appends an audit entry; {@code before}/{@code after} are serialised to JSON (null allowed). */
        public AuditEntry audit(String entityType, String entityId, RegionCode region, String action, String reason,
                Object before, Object after) {
            AuditEntry entry = tx.audit().append(new AuditEntry(0, entityType, entityId, region, action,
                    principal.userId(), principal.displayName(), clock.instant(), reason,
                    before == null ? null : json.write(before), after == null ? null : json.write(after)));
            appended.add(entry);
            return entry;
        }
    }
}

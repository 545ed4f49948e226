package org.jingzhun.core.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
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
    /** The audit entries of the outermost write running on this thread, published after its commit. */
    private final ThreadLocal<List<AuditEntry>> committedByOuter = new ThreadLocal<>();

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

    /**
     * A writing unit of work: its audit entries are appended in the same transaction, with one bulk append just
     * before the commit, and published to listeners after the commit. A write started inside another on the same
     * thread joins its transaction (as storage does) and leaves publishing to the outermost write, so listeners never
     * hear of entries an outer rollback undoes.
     */
    public <T> T write(Principal principal, Function<Work, T> work) {
        List<AuditEntry> outer = committedByOuter.get();
        List<AuditEntry> appended = new ArrayList<>();
        if (outer == null) {
            committedByOuter.set(appended);
        }
        T result;
        try {
            result = storage.inTransaction(tx -> {
                if (outer == null) {
                    appended.clear();
                }
                Work w = new Work(tx, principal);
                T value = work.apply(w);
                if (!w.pending.isEmpty()) {
                    appended.addAll(tx.audit().appendAll(w.pending));
                }
                return value;
            });
        } finally {
            if (outer == null) {
                committedByOuter.remove();
            }
        }
        if (outer != null) {
            outer.addAll(appended);
        } else {
            events.publish(appended);
        }
        return result;
    }

    /** The transaction of a writing unit of work plus the means to audit it. */
    public final class Work {
        private final StorageTransaction tx;
        private final Principal principal;
        private final List<AuditEntry> pending = new ArrayList<>();

        private Work(StorageTransaction tx, Principal principal) {
            this.tx = tx;
            this.principal = principal;
        }

        public StorageTransaction tx() {
            return tx;
        }

        public Principal principal() {
            return principal;
        }

        /**
         * Adds an audit entry to the unit of work; {@code before}/{@code after} are serialised to JSON now (null
         * allowed). The entries are stored together, in the order added, when the work returns, and roll back with it.
         * Every change needs a reason: a blank one fails the whole unit of work, so nothing it wrote is kept.
         *
         * @throws ValidationException violation {@code reason} / {@code validation.required} when the reason is blank
         */
        public void audit(String entityType, String entityId, RegionCode region, String action, String reason,
                Object before, Object after) {
            if (reason == null || reason.isBlank()) {
                throw new ValidationException(List.of(Violation.of(entityType + " " + entityId, "reason",
                        "validation.required")));
            }
            pending.add(new AuditEntry(0, entityType, entityId, region, action, principal.userId(),
                    principal.displayName(), clock.instant(), reason, before == null ? null : json.write(before),
                    after == null ? null : json.write(after)));
        }
    }
}

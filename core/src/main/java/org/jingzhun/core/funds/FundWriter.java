package org.jingzhun.core.funds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.CoreContext.Work;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.InsufficientFundsException;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.funds.EntryKind;
import org.jingzhun.spi.funds.LedgerEntry;
import org.jingzhun.spi.funds.Money;
import org.jingzhun.spi.funds.Payee;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.StorageTransaction;

/**
 * What the books of the funds capability share: writing a ledger entry with its audit record, the access checks, and
 * the refusals (overspend, dates out of order, missing reasons, invalid amounts) raised before anything is written.
 */
final class FundWriter {
    private static final String ENTRY = "fund-entry";

    private final CoreContext ctx;
    final FundStores stores;

    FundWriter(CoreContext ctx, FundStores stores) {
        this.ctx = ctx;
        this.stores = stores;
    }

    List<Violation> householdProblems(String rec, String field, Household h, RegionCode area) {
        List<Violation> out = new ArrayList<>();
        if (!h.status().active()) {
            out.add(Violation.of(rec, field, "funds.household_removed", h.id()));
        }
        if (!area.contains(h.region())) {
            out.add(Violation.of(rec, field, "funds.outside_area", "household " + h.id(), h.region(), area));
        }
        return out;
    }

    /** Stores a ledger entry and audits it (who, when, why). */
    LedgerEntry record(Work w, Draft d, String reason) {
        String id = stores.nextId(w.tx(), 'E', d.region);
        LedgerEntry e = new LedgerEntry(id, d.kind, d.date, d.amount, d.region, d.sourceId, d.projectId,
                d.allocationId, d.payee, d.fundId, d.loanId, d.householdId, d.reverses, clip(d.purpose, 200), reason,
                w.principal().userId(), ctx.clock().instant());
        throwIf(ctx.validation().validate("ledger entry " + id, e));
        stores.entries.save(w.tx(), e, 0);
        String action = e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        w.audit(ENTRY, id, e.region(), e.reversal() ? "reverse-" + action : action, reason, null, e);
        return e;
    }

    /** The fields of a ledger entry before it gets its id, who and when. */
    static final class Draft {
        final EntryKind kind;
        final LocalDate date;
        final BigDecimal amount;
        final RegionCode region;
        String sourceId;
        String projectId;
        String allocationId;
        Payee payee;
        String fundId;
        String loanId;
        String householdId;
        String reverses;
        String purpose;

        Draft(EntryKind kind, LocalDate date, BigDecimal amount, RegionCode region) {
            this.kind = kind;
            this.date = date;
            this.amount = amount;
            this.region = region;
        }

        static Draft counter(LedgerEntry original, BigDecimal amount, LocalDate date, String purpose) {
            Draft d = new Draft(original.kind(), date, amount, original.region()).source(original.sourceId())
                    .project(original.projectId()).allocation(original.allocationId()).payee(original.payee())
                    .fund(original.fundId()).loan(original.loanId()).household(original.householdId())
                    .purpose(purpose);
            d.reverses = original.id();
            return d;
        }

        Draft source(String v) {
            sourceId = v;
            return this;
        }

        Draft project(String v) {
            projectId = v;
            return this;
        }

        Draft allocation(String v) {
            allocationId = v;
            return this;
        }

        Draft payee(Payee v) {
            payee = v;
            return this;
        }

        Draft fund(String v) {
            fundId = v;
            return this;
        }

        Draft loan(String v) {
            loanId = v;
            return this;
        }

        Draft household(String v) {
            householdId = v;
            return this;
        }

        Draft purpose(String v) {
            purpose = v;
            return this;
        }
    }

    static void ensure(BigDecimal asked, BigDecimal available, String record, String field) {
        if (asked.compareTo(available) > 0) {
            throw new InsufficientFundsException(record, field, Money.exact(asked), Money.exact(available));
        }
    }

    static void notBefore(LocalDate date, LocalDate earliest, String what, String earliestWhat) {
        if (date.isBefore(earliest)) {
            throw new WorkflowException("funds.date_order", what, date, earliestWhat, earliest);
        }
    }

    static void requireReason(String what, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new WorkflowException("workflow.reason_required", what);
        }
    }

    static void requireAmount(String rec, String field, BigDecimal amount) {
        BigDecimal a = amount == null ? null : Money.exact(amount);
        if (a == null || a.signum() <= 0 || a.scale() > 2 || a.precision() - a.scale() > 12) {
            throwIf(List.of(Violation.of(rec, field, "funds.amount_invalid",
                    amount == null ? "null" : amount.toPlainString())));
        }
    }

    void requireFinance(Principal principal, RegionCode region, String action) {
        ctx.guard().require(principal, Permission.FINANCE, region, action);
    }

    void requireRead(Principal principal, RegionCode region, String action) {
        ctx.guard().require(principal, Permission.READ, region, action);
    }

    static void requireRegion(StorageTransaction tx, String rec, String field, RegionCode region) {
        if (tx.regions().find(region).isEmpty()) {
            throwIf(List.of(Violation.of(rec, field, "validation.region_unknown", region)));
        }
    }

    static Household findHousehold(StorageTransaction tx, String id) {
        return tx.households().find(id).orElseThrow(() -> new NotFoundException("household.not_found", id));
    }

    static void throwIf(List<Violation> problems) {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

}

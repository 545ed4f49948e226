package org.jingzhun.core.audit;

import org.jingzhun.core.disclosure.Disclosure;
import org.jingzhun.core.disclosure.MaskingProfile;
import org.jingzhun.core.internal.ReadAudit;

import java.util.List;
import java.util.Objects;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.audit.AuditChain;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.audit.AuditQuery;
import org.jingzhun.spi.audit.AuditVerification;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;

/**
 * The audit log of a county, read and verified (审计): who changed what, when and why, in pages filtered by period,
 * actor and subject, and a check of the county's hash chain that names the first broken link. Both need
 * {@link Permission#AUDIT} over the whole county. The log itself is written only by core's units of work, each
 * entry with the caller's principal, the clock's time and a reason; nothing here changes it.
 */
public final class AuditService {
    private final CoreContext ctx;
    private final Disclosure disclosure;
    private final ReadAudit reads;

    public AuditService(CoreContext ctx, Disclosure disclosure) {
        this.ctx = ctx;
        this.disclosure = disclosure;
        this.reads = new ReadAudit(ctx);
    }

    /**
     * Checks the county's hash chain from its first entry to its last, in constant memory, and reports the first
     * entry that does not fit: changed after it was written, or preceded by an inserted or missing entry.
     */
    public AuditVerification verify(Principal principal, RegionCode county) {
        String countyCode = requireAudit(principal, county, "verify the audit log");
        AuditChain.Verifier verifier = AuditChain.verifier(countyCode);
        ctx.read(tx -> {
            tx.audit().forEachInCounty(countyCode, verifier::accept);
            return null;
        });
        return verifier.result();
    }

    /**
     * One page of the county's entries matching {@code query}, newest first. The before and after JSON (and the
     * reason) pass through {@link Disclosure} with the caller's profile: without {@link Permission#VIEW_PERSONAL_DATA}
     * IDs are redacted and phones, bank numbers, addresses and health masked; hashes stay as stored, so
     * {@link #verify} remains the check of integrity. A page read unmasked is itself recorded as a read.
     */
    public AuditPage entries(Principal principal, AuditQuery query) {
        Objects.requireNonNull(query, "query");
        requireAudit(principal, RegionCode.of(query.countyCode()), "read the audit log");
        List<AuditEntry> found = ctx.read(tx -> tx.audit().find(query));
        AuditQuery next = found.size() < query.limit() ? null
                : query.after(found.get(found.size() - 1).sequence());
        MaskingProfile profile = MaskingProfile.defaultFor(principal);
        reads.record(principal, profile, query.countyCode(), RegionCode.of(query.countyCode()), "audit.entries",
                java.util.Map.of("entries", found.size()));
        List<AuditEntry> shown = profile == MaskingProfile.FULL ? found
                : found.stream().map(e -> masked(e, profile)).toList();
        return new AuditPage(shown, next);
    }

    private String requireAudit(Principal principal, RegionCode county, String action) {
        Objects.requireNonNull(county, "county");
        if (county.level().ordinal() < RegionLevel.COUNTY.ordinal()) {
            throw new ValidationException(List.of(Violation.of("audit", "county", "audit.county_required", county,
                    county.level().label())));
        }
        RegionCode whole = RegionCode.of(county.countyCode());
        ctx.guard().require(principal, Permission.AUDIT, whole, action);
        return whole.countyCode();
    }

    private AuditEntry masked(AuditEntry e, MaskingProfile profile) {
        return new AuditEntry(e.sequence(), e.entityType(), e.entityId(), e.region(), e.action(), e.actorId(),
                e.actorName(), e.at(), disclosure.text(e.reason(), profile), json(e.before(), profile),
                json(e.after(), profile), e.prevHash(), e.hash());
    }

    private String json(String recorded, MaskingProfile profile) {
        return recorded == null ? null : disclosure.json(ctx.json().tree(recorded), profile).toString();
    }
}

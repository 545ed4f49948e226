package org.jingzhun.core.internal;

import java.util.Map;
import org.jingzhun.core.disclosure.MaskingProfile;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.region.RegionCode;

/**
 * Records every read of unmasked personal data (个人信息查阅记录) in the audit log, in a unit of work of its own: who,
 * which household or area, and why (the principal's stated purpose, else the operation).
 */
public final class ReadAudit {
    /** The audit entity type of disclosure records. */
    public static final String ENTITY = "disclosure";
    private final CoreContext ctx;

    public ReadAudit(CoreContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Records that {@code principal} read {@code subjectId} (a household id, or an area code for a scan) unmasked
     * through {@code operation}; does nothing for masked reads.
     */
    public void record(Principal principal, MaskingProfile profile, String subjectId, RegionCode region,
            String operation, Map<String, Object> details) {
        if (profile != MaskingProfile.FULL) {
            return;
        }
        String purpose = principal.purpose() == null || principal.purpose().isBlank()
                ? "查阅个人信息 / personal data read: " + operation : principal.purpose();
        ctx.write(principal, w -> {
            w.audit(ENTITY, subjectId, region, "read-personal-data", purpose, null,
                    new java.util.TreeMap<>(Map.of("operation", operation, "details", details)));
            return null;
        });
    }
}

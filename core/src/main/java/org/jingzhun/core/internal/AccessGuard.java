package org.jingzhun.core.internal;

import java.util.Objects;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.AccessDeniedException;
import org.jingzhun.spi.region.RegionCode;

/** Enforces region scope and permissions on every call; the single place such decisions are made. */
public final class AccessGuard {

    /** Refuses unless the principal has {@code permission} and its scope covers {@code region}. */
    public void require(Principal principal, Permission permission, RegionCode region, String action) {
        Objects.requireNonNull(principal, "principal");
        if (!principal.can(permission)) {
            throw new AccessDeniedException("access.permission", principal.userId(), permission);
        }
        if (!principal.covers(region)) {
            throw new AccessDeniedException("access.denied", principal.userId(), action, region, principal.scope());
        }
    }

    /** Whether {@code principal} may see personal data (citizen IDs, phones, bank accounts) unmasked. */
    public boolean seesPersonalData(Principal principal) {
        Objects.requireNonNull(principal, "principal");
        return principal.can(Permission.VIEW_PERSONAL_DATA);
    }

    /**
     * The area a search may actually cover: the requested area when inside the scope, the scope when the request is
     * broader, and a refusal when the two do not overlap.
     */
    public RegionCode clampSearch(Principal principal, RegionCode requested) {
        Objects.requireNonNull(principal, "principal");
        if (!principal.can(Permission.READ)) {
            throw new AccessDeniedException("access.permission", principal.userId(), Permission.READ);
        }
        if (principal.scope().contains(requested)) {
            return requested;
        }
        if (requested.contains(principal.scope())) {
            return principal.scope();
        }
        throw new AccessDeniedException("access.denied", principal.userId(), "search", requested, principal.scope());
    }
}

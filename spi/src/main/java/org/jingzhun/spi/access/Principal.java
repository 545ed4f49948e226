package org.jingzhun.spi.access;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jingzhun.spi.region.RegionCode;

/**
 * Who is calling (操作人员) and where they may act: every call into Jingzhun names a principal whose scope is a region
 * (county, township or village). Reads and writes outside the scope are refused, and searches never return
 * out-of-scope rows.
 *
 * @param userId      stable user identifier recorded in the audit log
 * @param displayName name shown in histories, e.g. 王干事
 * @param scope       the area the principal works in
 */
public record Principal(String userId, String displayName, RegionCode scope, Set<Permission> permissions) {
    public Principal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(scope, "scope");
        displayName = displayName == null ? userId : displayName;
        permissions = permissions == null || permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    /** A principal with every permission in its scope. */
    public static Principal officer(String userId, RegionCode scope) {
        return new Principal(userId, userId, scope, EnumSet.allOf(Permission.class));
    }

    /** A read-only principal that sees personal data masked. */
    public static Principal viewer(String userId, RegionCode scope) {
        return new Principal(userId, userId, scope, EnumSet.of(Permission.READ));
    }

    public boolean can(Permission p) {
        return permissions.contains(p);
    }

    /** Whether the area {@code code} lies inside the scope. */
    public boolean covers(RegionCode code) {
        return scope.contains(code);
    }
}

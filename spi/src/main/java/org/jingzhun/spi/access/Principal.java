package org.jingzhun.spi.access;

import java.util.EnumSet;
import java.util.List;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.text.CleanText;
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
 * @param purpose     why the principal reads personal data (查阅事由), recorded with every unmasked read; may be null
 */
public record Principal(String userId, String displayName, RegionCode scope, Set<Permission> permissions,
        String purpose) {
    public Principal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(scope, "scope");
        if (userId.isBlank() || userId.length() > 64 || CleanText.problem(userId) != null
                || (displayName != null && (displayName.length() > 100 || CleanText.problem(displayName) != null))
                || CleanText.problem(purpose) != null) {
            throw new ValidationException(List.of(Violation.of("principal", "userId", "validation.principal")));
        }
        displayName = displayName == null ? userId : displayName;
        permissions = permissions == null || permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    /** A principal stating no purpose. */
    public Principal(String userId, String displayName, RegionCode scope, Set<Permission> permissions) {
        this(userId, displayName, scope, permissions, null);
    }

    /** The same principal reading for {@code why}, e.g. {@code 入户核实} (recorded with every unmasked read). */
    public Principal withPurpose(String why) {
        return new Principal(userId, displayName, scope, permissions, why);
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

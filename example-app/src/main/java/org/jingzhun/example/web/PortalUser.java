package org.jingzhun.example.web;

import java.util.Objects;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.region.RegionCode;

/**
 * A user of the demo's users file (门户用户): login name, display name, role, region scope and the Argon2id hash of the
 * password (never the password itself). {@link #principal()} is the mapping a portal team replaces with its own.
 *
 * @param passwordHash an encoded Argon2id hash as spring-security-crypto writes it
 */
public record PortalUser(String username, String displayName, Role role, RegionCode scope, String passwordHash) {
    public PortalUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(passwordHash, "passwordHash");
        displayName = displayName == null || displayName.isBlank() ? username : displayName;
    }

    /** The library principal this user acts as: role → permissions, scope → region. */
    public Principal principal() {
        return new Principal(username, displayName, scope, role.permissions());
    }

    @Override
    public String toString() {
        // The hash stays out of logs and error messages, too.
        return "PortalUser[" + username + ", " + role + ", " + scope.value() + "]";
    }
}

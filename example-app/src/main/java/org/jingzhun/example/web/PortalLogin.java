package org.jingzhun.example.web;

import java.util.Optional;
import org.jingzhun.spi.access.Principal;

/**
 * How the portal turns a login into a library {@link Principal} (登录与权限映射). The demo uses {@link UsersFile}; a
 * county's portal plugs in its own (its directory, its single sign-on) and keeps the portal's sessions, lockout and
 * CSRF protection. An implementation must not log or keep the password.
 */
@FunctionalInterface
public interface PortalLogin {
    /** The principal of a user whose password is right, or empty; never throws for a wrong name or password. */
    Optional<Principal> authenticate(String username, String password);
}

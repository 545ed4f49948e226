package org.jingzhun.example.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jingzhun.spi.access.Principal;

/**
 * The portal's login sessions (会话) and lockout, in memory: a session ends after {@code idleTimeout} without a
 * request or at logout, and a user name is locked for {@code lockout} after {@code maxFailures} wrong passwords in a
 * row. Written here rather than taken from Jetty's session manager because expiry and lockout must follow the
 * injected clock, so tests can move time instead of waiting for it.
 */
final class Sessions {
    /** One logged-in user: the principal every request of the session acts as, and its CSRF token. */
    static final class Session {
        final String id;
        final Principal principal;
        final String csrfToken;
        private volatile Instant lastSeen;

        Session(String id, Principal principal, String csrfToken, Instant now) {
            this.id = id;
            this.principal = principal;
            this.csrfToken = csrfToken;
            this.lastSeen = now;
        }
    }

    /** The outcome of a login attempt. */
    sealed interface Attempt permits Granted, Refused, Locked {
    }

    /** The password was right: a new session. */
    record Granted(Session session) implements Attempt {
    }

    /** Wrong user name or password. */
    record Refused() implements Attempt {
    }

    /** Too many failures: refused without looking at the password until {@code until}. */
    record Locked(Instant until) implements Attempt {
    }

    private static final class Failures {
        int count;
        Instant lockedUntil;
        Instant last;
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PRUNE_ABOVE = 10_000;

    private final PortalLogin login;
    private final Clock clock;
    private final Duration idleTimeout;
    private final int maxFailures;
    private final Duration lockout;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    Sessions(PortalLogin login, Clock clock, Duration idleTimeout, int maxFailures, Duration lockout) {
        this.login = Objects.requireNonNull(login, "login");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
        this.maxFailures = maxFailures;
        this.lockout = Objects.requireNonNull(lockout, "lockout");
        if (maxFailures < 1 || idleTimeout.isNegative() || idleTimeout.isZero() || lockout.isNegative()) {
            throw new IllegalArgumentException("idle timeout and lockout must be positive, maxFailures >= 1");
        }
    }

    Attempt login(String username, String password) {
        String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Failures f = failures.get(key);
        synchronized (this) {
            if (f != null && f.lockedUntil != null && now.isBefore(f.lockedUntil)) {
                return new Locked(f.lockedUntil);
            }
        }
        Optional<Principal> principal = login.authenticate(username, password);
        if (principal.isEmpty()) {
            synchronized (this) {
                if (failures.size() > PRUNE_ABOVE) {
                    failures.values().removeIf(x -> x.last.plus(lockout).isBefore(now));
                }
                Failures counted = failures.computeIfAbsent(key, k -> new Failures());
                if (counted.lockedUntil != null && !now.isBefore(counted.lockedUntil)) {
                    counted.count = 0;
                    counted.lockedUntil = null;
                }
                counted.count++;
                counted.last = now;
                if (counted.count >= maxFailures) {
                    counted.lockedUntil = now.plus(lockout);
                    return new Locked(counted.lockedUntil);
                }
            }
            return new Refused();
        }
        failures.remove(key);
        Session s = new Session(token(), principal.get(), token(), now);
        sessions.put(s.id, s);
        return new Granted(s);
    }

    /** The live session of {@code id}, its idle time restarted; an idle one is ended and not returned. */
    Optional<Session> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(s.lastSeen.plus(idleTimeout))) {
            sessions.remove(id);
            return Optional.empty();
        }
        s.lastSeen = now;
        return Optional.of(s);
    }

    void logout(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    Instant now() {
        return clock.instant();
    }

    Duration idleTimeout() {
        return idleTimeout;
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

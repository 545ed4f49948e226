package org.jingzhun.example.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.region.RegionCode;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The demo's users file (用户配置文件): a JSON list of users with role, region scope and Argon2id password hash, read
 * at start. It is the portal's {@link PortalLogin} for the demo; passwords are only ever compared with
 * spring-security-crypto's {@link Argon2PasswordEncoder}, never stored or logged.
 *
 * <pre>
 * {"users": [{"username": "county", "displayName": "县扶贫办", "role": "COUNTY_OFFICER", "scope": "341702",
 *             "passwordHash": "$argon2id$v=19$m=16384,t=2,p=1$..."}]}
 * </pre>
 */
public final class UsersFile implements PortalLogin {
    private static final Argon2PasswordEncoder ENCODER = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Letters and digits that cannot be mistaken for one another when read off a console. */
    private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** Compared against when the user is unknown, so an unknown name costs as long as a wrong password. */
    private static final String DUMMY_HASH = ENCODER.encode("no such user");

    private final Map<String, PortalUser> users;

    /** The users file as stored: one entry per user. */
    record Entry(String username, String displayName, String role, String scope, String passwordHash) {
    }

    /** The stored file: its list of users. */
    record Stored(List<Entry> users) {
    }

    UsersFile(List<PortalUser> users) {
        Map<String, PortalUser> byName = new LinkedHashMap<>();
        for (PortalUser u : users) {
            if (byName.put(key(u.username()), u) != null) {
                throw new IllegalArgumentException("user listed twice: " + u.username());
            }
        }
        this.users = Map.copyOf(byName);
    }

    /** Reads a users file. */
    public static UsersFile load(Path file) {
        try {
            Stored stored = JSON.readValue(file.toFile(), Stored.class);
            if (stored.users() == null || stored.users().isEmpty()) {
                throw new IllegalArgumentException("no users in " + file);
            }
            return new UsersFile(stored.users().stream().map(e -> new PortalUser(e.username(), e.displayName(),
                    Role.valueOf(e.role().strip().toUpperCase(Locale.ROOT)), RegionCode.of(e.scope()),
                    e.passwordHash())).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read users file " + file, e);
        }
    }

    /** Writes {@code users} (with their hashes) as a users file, replacing the file. */
    public static void write(Path file, List<PortalUser> users) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            JSON.writeValue(file.toFile(), new Stored(users.stream().map(u -> new Entry(u.username(),
                    u.displayName(), u.role().name(), u.scope().value(), u.passwordHash())).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write users file " + file, e);
        }
    }

    /** The Argon2id hash of a password, salted, for a users file. */
    public static String hash(String password) {
        return ENCODER.encode(password);
    }

    /** A random 12-character password for a demo user. */
    public static String newPassword() {
        StringBuilder sb = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return sb.toString();
    }

    /** The users of the file, by login name. */
    public List<PortalUser> users() {
        return users.values().stream().sorted(java.util.Comparator.comparing(PortalUser::username)).toList();
    }

    @Override
    public Optional<Principal> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        PortalUser user = users.get(key(username));
        if (user == null) {
            ENCODER.matches(password, DUMMY_HASH);
            return Optional.empty();
        }
        return ENCODER.matches(password, user.passwordHash()) ? Optional.of(user.principal()) : Optional.empty();
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}

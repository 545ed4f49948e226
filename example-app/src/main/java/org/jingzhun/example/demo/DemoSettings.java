package org.jingzhun.example.demo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jingzhun.example.district.DistrictProfile;

/**
 * What the demo command runs on: district scale and seed, output file, database (embedded H2 file by default; any
 * JDBC URL by option or environment), and whether to open the portal afterwards: on which address (loopback unless
 * {@code --host} says otherwise) and port, with which users file ({@code --users}; without it the demo writes one with
 * fresh demo passwords).
 */
public record DemoSettings(double scale, long seed, Path out, String dbUrl, String dbUser, String dbPassword,
        boolean serve, String host, int port, Path users) {

    /**
     * Embedded H2 file database under {@code ./data}, created on first use. H2 keeps only 8 parsed statements per
     * session by default; Jingzhun cycles through a few dozen, and a larger cache made the demo about 13% faster.
     */
    public static final String DEFAULT_DB = "jdbc:h2:file:./data/jingzhun-demo;QUERY_CACHE_SIZE=256";

    /** The portal's default address: loopback only, so a demo never listens on the county's network by accident. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /**
     * Options {@code --scale --seed --out --db --user --password --serve --host --port --users}; env
     * {@code JINGZHUN_DB_*}.
     */
    public static DemoSettings from(Map<String, String> options, Map<String, String> env) {
        for (String key : options.keySet()) {
            if (!java.util.Set.of("scale", "seed", "out", "db", "user", "password", "serve", "host", "port", "users")
                    .contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key);
            }
        }
        String db = options.getOrDefault("db", env.getOrDefault("JINGZHUN_DB_URL", DEFAULT_DB));
        return new DemoSettings(
                Double.parseDouble(options.getOrDefault("scale", "1.0")),
                Long.parseLong(options.getOrDefault("seed", "2014")),
                Path.of(options.getOrDefault("out", "target/demo-years.csv")),
                db,
                options.getOrDefault("user", env.getOrDefault("JINGZHUN_DB_USER", db.startsWith("jdbc:h2") ? "sa" : "")),
                options.getOrDefault("password", env.getOrDefault("JINGZHUN_DB_PASSWORD", "")),
                Boolean.parseBoolean(options.getOrDefault("serve", "false")),
                options.getOrDefault("host", DEFAULT_HOST),
                Integer.parseInt(options.getOrDefault("port", "7070")),
                options.containsKey("users") ? Path.of(options.get("users")) : null);
    }

    public DistrictProfile profile() {
        DistrictProfile guichi = DistrictProfile.guichi();
        return scale == 1.0 ? guichi : guichi.scaled(scale);
    }

    /** Configuration of the {@code jdbc} storage factory. */
    public Map<String, Object> storageConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("url", dbUrl);
        if (dbUser != null && !dbUser.isEmpty()) {
            config.put("user", dbUser);
        }
        if (dbPassword != null && !dbPassword.isEmpty()) {
            config.put("password", dbPassword);
        }
        return config;
    }

    /** The database without credentials, for the console. */
    public String describeDb() {
        return dbUrl;
    }
}

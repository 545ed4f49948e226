package org.jingzhun.core.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jingzhun.spi.error.ConfigurationException;
import org.jingzhun.spi.error.Violation;

/**
 * Binds key/value properties to a plugin's typed configuration record and validates it, reporting every unknown key
 * and every violation together, naming the plugin and property. Values of secret-looking keys never appear in errors.
 */
public final class ConfigBinder {
    private final ObjectMapper mapper;
    private final BeanValidation validation;

    public ConfigBinder(JsonCodec json, BeanValidation validation) {
        this.mapper = json.mapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.validation = validation;
    }

    public <C> C bind(String owner, Class<C> type, Map<String, ?> properties) {
        List<Violation> problems = new ArrayList<>();
        Set<String> known = new TreeSet<>();
        if (type.isRecord()) {
            for (var c : type.getRecordComponents()) {
                known.add(c.getName());
            }
            for (String key : new TreeSet<>(properties.keySet())) {
                if (!known.contains(key)) {
                    problems.add(Violation.of(owner, key, "validation.invalid_value", mask(key, properties.get(key)),
                            "unknown property; known: " + String.join(", ", known)));
                }
            }
        }
        C config = null;
        try {
            config = mapper.convertValue(properties, type);
        } catch (IllegalArgumentException e) {
            problems.add(Violation.of(owner, "(config)", "validation.invalid_value", "(properties)",
                    e.getMessage() == null ? "unreadable" : e.getMessage().split("\n")[0]));
        }
        if (config != null) {
            problems.addAll(validation.validate(owner, config));
        }
        if (!problems.isEmpty()) {
            StringBuilder msg = new StringBuilder();
            for (Violation v : problems) {
                msg.append(msg.length() == 0 ? "" : "; ").append(v.describe(Locale.ENGLISH));
            }
            throw new ConfigurationException("config.invalid", owner, msg.toString());
        }
        return config;
    }

    private static String mask(String key, Object value) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.contains("password") || k.contains("secret") || k.contains("token")) {
            return "****";
        }
        return String.valueOf(value);
    }
}

package org.jingzhun.spi.quality;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Set;

/**
 * A county's configuration of a data-quality pack (规则包配置): rules switched off, parameters overridden and severities
 * re-graded, each keyed by rule code or parameter name. Bound from key/value properties and validated by the host
 * like every plugin configuration; {@link QualityPack#of} then refuses unknown codes and names and values of the
 * wrong type or out of bounds. Empty or null entries mean "as shipped".
 *
 * @param disabled   rule codes switched off
 * @param parameters parameter overrides as text, e.g. {@code schoolAgeFrom=6}
 * @param severities severity overrides by rule code
 */
public record QualityPackConfig(
        @NotNull @Size(max = 1000) Set<@NotBlank @Size(max = 40) String> disabled,
        @NotNull @Size(max = 1000) Map<@NotBlank @Size(max = 60) String, @NotBlank @Size(max = 60) String> parameters,
        @NotNull @Size(max = 1000) Map<@NotBlank @Size(max = 40) String, @NotNull Severity> severities) {

    public QualityPackConfig {
        disabled = disabled == null ? Set.of() : Set.copyOf(disabled);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        severities = severities == null ? Map.of() : Map.copyOf(severities);
    }

    /** The pack as shipped. */
    public static QualityPackConfig defaults() {
        return new QualityPackConfig(null, null, null);
    }

    /** A copy with one parameter overridden. */
    public QualityPackConfig withParameter(String name, String value) {
        Map<String, String> p = new java.util.HashMap<>(parameters);
        p.put(name, value);
        return new QualityPackConfig(disabled, p, severities);
    }

    /** A copy with one more rule switched off. */
    public QualityPackConfig withDisabled(String code) {
        Set<String> d = new java.util.HashSet<>(disabled);
        d.add(code);
        return new QualityPackConfig(d, parameters, severities);
    }

    /** A copy with one rule re-graded. */
    public QualityPackConfig withSeverity(String code, Severity severity) {
        Map<String, Severity> s = new java.util.HashMap<>(severities);
        s.put(code, severity);
        return new QualityPackConfig(disabled, parameters, s);
    }
}

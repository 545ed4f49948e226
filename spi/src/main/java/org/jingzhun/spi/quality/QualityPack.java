package org.jingzhun.spi.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jingzhun.spi.error.ConfigurationException;
import org.jingzhun.spi.policy.RegionScope;

/**
 * A data-quality rule pack in force (数据质量规则包): its rules and parameters with a county's configuration applied.
 * {@link #of} checks the configuration (unknown rule codes and parameter names, values of the wrong type or out of
 * bounds, a rule reading an undeclared parameter) and refuses it with one error listing every problem.
 * {@link #check} runs every enabled rule over one household, containing a rule that throws as a failed finding so
 * the other rules and households still run.
 */
public final class QualityPack {
    private final String name;
    private final RegionScope scope;
    private final List<QualityParameter> declared;
    private final List<QualityRule> all;
    private final List<QualityRule> enabled;
    private final QualityPackConfig config;
    private final QualityParameters values;
    private final List<SetIndex> indexes;

    private QualityPack(String name, RegionScope scope, List<QualityParameter> declared, List<QualityRule> all,
            List<QualityRule> enabled, QualityPackConfig config, QualityParameters values, List<SetIndex> indexes) {
        this.name = name;
        this.scope = scope;
        this.declared = declared;
        this.all = all;
        this.enabled = enabled;
        this.config = config;
        this.values = values;
        this.indexes = indexes;
    }

    /**
     * A pack named {@code name} applying inside {@code scope}, with its declared parameters and rules and a county's
     * configuration.
     *
     * @throws ConfigurationException {@code config.invalid} naming every problem of the configuration or the rules
     */
    public static QualityPack of(String name, RegionScope scope, List<QualityParameter> parameters,
            List<QualityRule> rules, QualityPackConfig config) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        QualityPackConfig cfg = config == null ? QualityPackConfig.defaults() : config;
        List<String> problems = new ArrayList<>();
        Map<String, QualityParameter> byName = new LinkedHashMap<>();
        for (QualityParameter p : parameters) {
            if (byName.putIfAbsent(p.name(), p) != null) {
                problems.add("parameter " + p.name() + " declared twice");
            }
        }
        Set<String> codes = new LinkedHashSet<>();
        for (QualityRule r : rules) {
            if (!codes.add(r.code())) {
                problems.add("rule " + r.code() + " declared twice");
            }
            for (String used : r.parameters()) {
                if (!byName.containsKey(used)) {
                    problems.add("rule " + r.code() + " reads undeclared parameter " + used);
                }
            }
        }
        for (String code : new TreeSet<>(cfg.disabled())) {
            if (!codes.contains(code)) {
                problems.add("disabled: unknown rule " + code);
            }
        }
        for (String code : new TreeSet<>(cfg.severities().keySet())) {
            if (!codes.contains(code)) {
                problems.add("severities: unknown rule " + code);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (QualityParameter p : byName.values()) {
            values.put(p.name(), p.parse(p.defaultValue()));
        }
        for (String key : new TreeSet<>(cfg.parameters().keySet())) {
            QualityParameter p = byName.get(key);
            String text = cfg.parameters().get(key);
            if (p == null) {
                problems.add("parameters: unknown parameter " + key + "; known: " + byName.keySet());
            } else if (p.problem(text) != null) {
                problems.add("parameters: " + key + "=" + text + " " + p.problem(text));
            } else {
                values.put(key, p.parse(text));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("config.invalid", "quality pack " + name, String.join("; ", problems));
        }
        List<QualityRule> on = rules.stream().filter(r -> !cfg.disabled().contains(r.code())).toList();
        Map<String, SetIndex> ix = new LinkedHashMap<>();
        on.forEach(r -> r.index().ifPresent(i -> ix.putIfAbsent(i.name(), i)));
        return new QualityPack(name, scope, List.copyOf(byName.values()), List.copyOf(rules), on, cfg,
                new QualityParameters(values), List.copyOf(ix.values()));
    }

    /** Stable name, e.g. {@code national}; findings carry it. */
    public String name() {
        return name;
    }

    /** The division-code prefix of the households the pack checks. */
    public RegionScope scope() {
        return scope;
    }

    /** Every rule the pack ships, switched off or not. */
    public List<QualityRule> rules() {
        return all;
    }

    /** The rules in force (not switched off by the configuration). */
    public List<QualityRule> enabledRules() {
        return enabled;
    }

    /** The parameters the pack declares, with their defaults and bounds. */
    public List<QualityParameter> parameters() {
        return declared;
    }

    /** The parameter values in force. */
    public QualityParameters values() {
        return values;
    }

    public QualityPackConfig config() {
        return config;
    }

    /** The severity a rule's findings get: the configuration's re-grading, else the rule's own. */
    public Severity severityOf(QualityRule rule) {
        return config.severities().getOrDefault(rule.code(), rule.severity());
    }

    /** The set-level indexes the enabled rules read; the host fills them in a first pass when not empty. */
    public List<SetIndex> indexes() {
        return indexes;
    }

    /**
     * Runs every enabled rule over one household and hands each finding to {@code out}, in rule order. A rule that
     * throws yields one failed finding of that rule (field {@code (rule)}, argument {@code error}) instead.
     */
    public void check(QualityFacts facts, Consumer<Finding> out) {
        check(facts, r -> true, out);
    }

    /**
     * Runs the enabled rules {@code which} accepts, as {@link #check(QualityFacts, Consumer)} does: a host that fills
     * the set-level index while it reads runs the other rules first and the indexed ones once the index is complete.
     */
    public void check(QualityFacts facts, java.util.function.Predicate<QualityRule> which, Consumer<Finding> out) {
        String householdId = facts.household().id();
        for (QualityRule rule : enabled) {
            if (!which.test(rule)) {
                continue;
            }
            Severity severity = severityOf(rule);
            FindingSink sink = (record, ref, member, field, value, args) -> {
                Map<String, String> text = null;
                if (args != null && !args.isEmpty()) {
                    Map<String, String> t = new LinkedHashMap<>();
                    args.forEach((k, v) -> t.put(k, v instanceof org.jingzhun.spi.CodedEnum e ? e.label()
                            : String.valueOf(v)));
                    text = t;
                }
                out.accept(new Finding(name, rule.code(), severity, householdId, facts.household().region(), record,
                        ref, member, field, Quoted.of(value, rule.sensitivity()), text, false));
            };
            try {
                rule.check(facts, values, sink);
            } catch (RuntimeException e) {
                out.accept(new Finding(name, rule.code(), Severity.ERROR, householdId, facts.household().region(),
                        rule.record(), "household", null, "(rule)", null,
                        Map.of("error", e.getClass().getSimpleName()), true));
            }
        }
    }

    /** Every finding of {@link #check} as a list. */
    public List<Finding> check(QualityFacts facts) {
        List<Finding> out = new ArrayList<>();
        check(facts, out::add);
        return out;
    }

    /** The rule of that code, switched off or not. */
    public java.util.Optional<QualityRule> rule(String code) {
        return all.stream().filter(r -> r.code().equals(code)).findFirst();
    }
}

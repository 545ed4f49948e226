package org.jingzhun.spi.quality;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.Member;

/**
 * Helpers that make a data-quality rule a few lines (规则构造): {@link #rule} starts a builder that takes the texts,
 * parameters and sensitivity, and ends with the check over the household, each member, the income statement or each
 * monitoring record. {@link #render} fills a message template.
 *
 * <pre>{@code
 * rule("MB03", Severity.ERROR, RecordKind.MEMBER)
 *     .message("{name}未满{labourAgeMin}周岁却登记为劳动力", "{name} is under {labourAgeMin} but listed as labour")
 *     .fix("核实出生日期或改为无劳动力", "check the birth date or set the labour ability to none")
 *     .uses("labourAgeMin")
 *     .member("labourAbility", Member::labourAbility, (f, m, p) -> f.age(m) < p.integer("labourAgeMin") && able(m));
 * }</pre>
 */
public final class QualityRules {
    private QualityRules() {
    }

    /** Starts a rule. */
    public static Builder rule(String code, Severity severity, RecordKind record) {
        return new Builder(code, severity, record);
    }

    /** {@code template} with every {@code {key}} of {@code args} replaced; unknown placeholders stay as they are. */
    public static String render(String template, Map<String, String> args) {
        return render(template, args::get);
    }

    /** {@code template} with every {@code {key}} replaced by {@code lookup(key)}; null leaves the placeholder. */
    public static String render(String template, java.util.function.Function<String, String> lookup) {
        if (template == null || template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 16);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            String key = template.substring(open + 1, close);
            String v = lookup.apply(key);
            out.append(v == null ? template.substring(open, close + 1) : v);
            i = close + 1;
        }
        return out.toString();
    }

    /** A test over the household. */
    @FunctionalInterface
    public interface HouseholdTest {
        boolean bad(QualityFacts f, QualityParameters p);
    }

    /** A test over one member. */
    @FunctionalInterface
    public interface MemberTest {
        boolean bad(QualityFacts f, Member m, QualityParameters p);
    }

    /** A test over the income statement, run only when the household has one. */
    @FunctionalInterface
    public interface IncomeTest {
        boolean bad(QualityFacts f, IncomeStatement s, QualityParameters p);
    }

    /** A test over one monitoring record. */
    @FunctionalInterface
    public interface MonitoringTest {
        boolean bad(QualityFacts f, MonitoringFact m, QualityParameters p);
    }

    /** A free-form check reporting any number of findings. */
    @FunctionalInterface
    public interface Check {
        void check(QualityFacts f, QualityParameters p, FindingSink out);
    }

    /** Collects a rule's texts and parameters; each terminal method returns the finished rule. */
    public static final class Builder {
        private final String code;
        private final Severity severity;
        private final RecordKind record;
        private String zh;
        private String en;
        private String fixZh;
        private String fixEn;
        private List<String> params = List.of();
        private Sensitivity sensitivity = Sensitivity.NONE;
        private SetIndex index;

        private Builder(String code, Severity severity, RecordKind record) {
            this.code = Objects.requireNonNull(code, "code");
            this.severity = Objects.requireNonNull(severity, "severity");
            this.record = Objects.requireNonNull(record, "record");
        }

        public Builder message(String zhText, String enText) {
            zh = zhText;
            en = enText;
            return this;
        }

        public Builder fix(String zhText, String enText) {
            fixZh = zhText;
            fixEn = enText;
            return this;
        }

        /** The pack parameters the rule reads; they also fill the message placeholders of the same name. */
        public Builder uses(String... names) {
            params = List.of(names);
            return this;
        }

        /** The quoted value is personal data of this kind. */
        public Builder quotes(Sensitivity s) {
            sensitivity = s;
            return this;
        }

        public Builder index(SetIndex ix) {
            index = ix;
            return this;
        }

        /** The rule reports the household field when {@code test} holds. */
        public QualityRule household(String field, Function<Household, ?> value, HouseholdTest test) {
            return build((f, p, out) -> {
                if (test.bad(f, p)) {
                    out.report(record, recordRef(f), null, field, value.apply(f.household()), null);
                }
            });
        }

        /** The rule reports the member field of every member for which {@code test} holds. */
        public QualityRule member(String field, Function<Member, ?> value, MemberTest test) {
            return build((f, p, out) -> {
                List<Member> members = f.household().members();
                for (int i = 0; i < members.size(); i++) {
                    Member m = members.get(i);
                    if (test.bad(f, m, p)) {
                        out.member(i, m, field, value.apply(m), null);
                    }
                }
            });
        }

        /** The rule reports the income field when the household has a statement and {@code test} holds. */
        public QualityRule income(String field, Function<IncomeStatement, ?> value, IncomeTest test) {
            return build((f, p, out) -> {
                IncomeStatement s = f.income();
                if (s != null && test.bad(f, s, p)) {
                    out.report(RecordKind.INCOME, "income " + s.year(), null, field, value.apply(s), null);
                }
            });
        }

        /** The rule reports the field of every monitoring record for which {@code test} holds. */
        public QualityRule monitoring(String field, Function<MonitoringFact, ?> value, MonitoringTest test) {
            return build((f, p, out) -> {
                for (MonitoringFact m : f.monitoring()) {
                    if (test.bad(f, m, p)) {
                        out.report(RecordKind.MONITORING, "monitoring " + m.id(), null, field, value.apply(m), null);
                    }
                }
            });
        }

        /** The rule runs {@code check} as it is. */
        public QualityRule check(Check check) {
            return build(check);
        }

        private String recordRef(QualityFacts f) {
            return switch (record) {
                case INCOME -> f.income() == null ? "income" : "income " + f.income().year();
                case PAIRING -> "pairing";
                case MONITORING -> "monitoring";
                default -> "household";
            };
        }

        private QualityRule build(Check check) {
            Objects.requireNonNull(zh, "message of rule " + code);
            Objects.requireNonNull(fixZh, "fix of rule " + code);
            return new Rule(code, severity, record, zh, en, fixZh, fixEn, params, sensitivity, index, check);
        }
    }

    private record Rule(String code, Severity severity, RecordKind record, String messageZh, String messageEn,
            String fixZh, String fixEn, List<String> parameters, Sensitivity sensitivity, SetIndex setIndex,
            Check body) implements QualityRule {
        @Override
        public Optional<SetIndex> index() {
            return Optional.ofNullable(setIndex);
        }

        @Override
        public void check(QualityFacts facts, QualityParameters params, FindingSink out) {
            body.check(facts, params, out);
        }
    }
}

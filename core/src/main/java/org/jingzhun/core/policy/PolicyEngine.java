package org.jingzhun.core.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jingzhun.spi.error.ConfigurationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.policy.AreaFacts;
import org.jingzhun.spi.policy.BenefitAmount;
import org.jingzhun.spi.policy.BenefitRule;
import org.jingzhun.spi.policy.Decision;
import org.jingzhun.spi.policy.Explanation;
import org.jingzhun.spi.policy.ExplanationPart;
import org.jingzhun.spi.policy.HouseholdFacts;
import org.jingzhun.spi.policy.InterestSubsidyRule;
import org.jingzhun.spi.policy.LoanSubsidy;
import org.jingzhun.spi.policy.Microloan;
import org.jingzhun.spi.policy.MonitoringAssessment;
import org.jingzhun.spi.policy.PolicyPack;
import org.jingzhun.spi.policy.ProcedureTerms;
import org.jingzhun.spi.policy.RuleKind;
import org.jingzhun.spi.policy.SchoolAge;
import org.jingzhun.spi.region.RegionCode;

/**
 * The policy engine (政策引擎): resolves, for a region and a date, which pack's rule decides each rule kind and runs
 * it. For each kind it takes the most specific pack in force (longest region-scope prefix) that provides the kind,
 * falling back to broader packs; benefit rules are resolved per policy id the same way, so a provincial pack adds
 * benefits and, when it declares the override, replaces a broader one of the same id. Pure computation: no storage, no
 * principal; the capabilities that persist decisions call it.
 *
 * <p>Construction checks the packs and reports the first problem as a {@link ConfigurationException}: two packs of the
 * same name, a configuration violating its constraints, two packs of the same scope and overlapping periods providing
 * the same rule kind or benefit policy id, a benefit id twice in one pack, or a narrower pack replacing a broader
 * pack's benefit without declaring it ({@link PolicyPack#overrides()}).
 *
 * <p>Rules are plugin code and are contained: a rule that throws, returns null or returns a result naming another pack
 * or rule becomes a {@link RuleFailure} naming plugin, pack, rule and household. Single decisions throw it as a
 * {@link PolicyRuleException}; benefit evaluation keeps the other lines and marks the failed one.
 */
public final class PolicyEngine {
    /** Plugin name of packs the host added itself ({@code JingzhunBuilder.policyPack}). */
    public static final String HOST = "host";
    private static final Set<RuleKind> SINGLE_KINDS = EnumSet.complementOf(EnumSet.of(RuleKind.BENEFIT));

    private final List<PolicyPack> packs;
    private final Map<PolicyPack, String> plugins = new IdentityHashMap<>();

    /** Packs added by the host itself; see {@link #PolicyEngine(List, Function, Function)}. */
    public PolicyEngine(List<PolicyPack> packs, Function<Object, List<Violation>> configValidator) {
        this(packs, p -> HOST, configValidator);
    }

    /**
     * @param pluginOf        the name of the plugin that contributed each pack, for fault reports
     * @param configValidator validates a pack's configuration object and returns every violation (core passes Bean
     *                        Validation)
     */
    public PolicyEngine(List<PolicyPack> packs, Function<PolicyPack, String> pluginOf,
            Function<Object, List<Violation>> configValidator) {
        this.packs = List.copyOf(packs);
        this.packs.forEach(p -> plugins.put(p, Objects.requireNonNull(pluginOf.apply(p), "plugin")));
        check(this.packs, configValidator);
    }

    private static void check(List<PolicyPack> packs, Function<Object, List<Violation>> validator) {
        Set<String> names = new HashSet<>();
        for (PolicyPack p : packs) {
            if (!names.add(p.name())) {
                throw new ConfigurationException("config.duplicate_policy_pack", p.name());
            }
            List<Object> configs = new ArrayList<>();
            if (p.config() != null) {
                configs.add(p.config());
            }
            p.procedureTerms().ifPresent(configs::add);
            p.schoolAge().ifPresent(configs::add);
            for (Object config : configs) {
                List<Violation> problems = validator.apply(config);
                if (!problems.isEmpty()) {
                    StringBuilder sb = new StringBuilder();
                    problems.forEach(v -> sb.append(sb.length() == 0 ? "" : "; ").append(v.describe(Locale.ENGLISH)));
                    throw new ConfigurationException("config.policy_invalid", p.name(), sb.toString());
                }
            }
            Set<String> ids = new HashSet<>();
            for (BenefitRule r : p.benefits()) {
                if (!ids.add(r.policy())) {
                    throw new ConfigurationException("config.policy_benefit_twice", p.name(), r.policy());
                }
            }
        }
        for (int i = 0; i < packs.size(); i++) {
            for (int j = i + 1; j < packs.size(); j++) {
                checkPair(packs.get(i), packs.get(j));
            }
        }
    }

    private static Set<String> benefitIds(PolicyPack p) {
        Set<String> ids = new HashSet<>();
        p.benefits().forEach(r -> ids.add(r.policy()));
        return ids;
    }

    private static void checkPair(PolicyPack a, PolicyPack b) {
        if (!a.regionScope().overlaps(b.regionScope()) || !a.effectivePeriod().overlaps(b.effectivePeriod())) {
            return;
        }
        Set<String> shared = benefitIds(a);
        shared.retainAll(benefitIds(b));
        if (a.regionScope().equals(b.regionScope())) {
            for (RuleKind k : SINGLE_KINDS) {
                if (a.provides(k) && b.provides(k)) {
                    throw new ConfigurationException("config.policy_overlap", a.name(), b.name(), a.regionScope(),
                            a.effectivePeriod(), b.effectivePeriod(), k);
                }
            }
            if (!shared.isEmpty()) {
                throw new ConfigurationException("config.policy_overlap", a.name(), b.name(), a.regionScope(),
                        a.effectivePeriod(), b.effectivePeriod(), shared.stream().sorted().toList());
            }
            return;
        }
        PolicyPack narrow = a.regionScope().specificity() > b.regionScope().specificity() ? a : b;
        PolicyPack broad = narrow == a ? b : a;
        List<String> undeclared = shared.stream().filter(id -> !narrow.overrides().contains(id)).sorted().toList();
        if (!undeclared.isEmpty()) {
            throw new ConfigurationException("config.policy_override_undeclared", narrow.name(), broad.name(),
                    undeclared);
        }
    }

    /** Every registered pack. */
    public List<PolicyPack> packs() {
        return packs;
    }

    /** The packs applying to {@code region} on {@code date}, most specific first. */
    public List<PolicyPack> inForce(RegionCode region, LocalDate date) {
        List<PolicyPack> out = new ArrayList<>();
        for (PolicyPack p : packs) {
            if (p.appliesTo(region, date)) {
                out.add(p);
            }
        }
        out.sort(Comparator.comparingInt((PolicyPack p) -> p.regionScope().specificity()).reversed());
        return out;
    }

    /** The pack whose rule of {@code kind} decides for {@code region} on {@code date}, if any. */
    public Optional<PolicyPack> packFor(RuleKind kind, RegionCode region, LocalDate date) {
        return inForce(region, date).stream().filter(p -> p.provides(kind)).findFirst();
    }

    /** The name of the plugin that contributed {@code pack}. */
    public String pluginOf(PolicyPack pack) {
        return plugins.getOrDefault(pack, HOST);
    }

    private PolicyPack require(RuleKind kind, RegionCode region, LocalDate date) {
        return packFor(kind, region, date)
                .orElseThrow(() -> new ConfigurationException("policy.no_rule", kind, region, date));
    }

    /**
     * Runs plugin code for one rule: its failure, a null result or a result whose explanation names another pack
     * becomes a {@link RuleFailure}.
     */
    private <T> Outcome<T> run(PolicyPack pack, String rule, String subject, Supplier<T> call,
            Function<T, Explanation> explanation, Function<T, String> policyOf) {
        T result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            return Outcome.failed(new RuleFailure(pluginOf(pack), pack.name(), rule, subject, "policy.rule_failed",
                    e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }
        if (result == null || explanation.apply(result) == null) {
            return Outcome.failed(new RuleFailure(pluginOf(pack), pack.name(), rule, subject, "policy.rule_null",
                    ""));
        }
        Explanation e = explanation.apply(result);
        String policy = policyOf.apply(result);
        if (!pack.name().equals(e.pack()) || (policy != null && !policy.equals(rule))) {
            return Outcome.failed(new RuleFailure(pluginOf(pack), pack.name(), rule, subject, "policy.rule_mismatch",
                    e.pack() + " / " + (policy == null ? e.rule() : policy)));
        }
        return new Outcome<>(result, null);
    }

    private record Outcome<T>(T value, RuleFailure failure) {
        static <T> Outcome<T> failed(RuleFailure f) {
            return new Outcome<>(null, f);
        }

        T orThrow() {
            if (failure != null) {
                throw failure.toException();
            }
            return value;
        }
    }

    private Decision decide(RuleKind kind, PolicyPack pack, String subject, Supplier<Decision> call) {
        return run(pack, kind.name(), subject, call, Decision::explanation, d -> null).orThrow();
    }

    /** Whether the household qualifies for identification (positive = eligible). */
    public Decision eligibility(HouseholdFacts facts) {
        PolicyPack p = require(RuleKind.ELIGIBILITY, region(facts), facts.asOf());
        return decide(RuleKind.ELIGIBILITY, p, id(facts), () -> p.eligibility().orElseThrow().evaluate(facts));
    }

    /** Whether the household is excluded from registration (positive = excluded); empty when no pack decides it. */
    public Optional<Decision> exclusion(HouseholdFacts facts) {
        return packFor(RuleKind.EXCLUSION, region(facts), facts.asOf()).map(p -> decide(RuleKind.EXCLUSION, p,
                id(facts), () -> p.exclusion().orElseThrow().evaluate(facts)));
    }

    /** Whether the household meets the exit criteria (positive = may exit). */
    public Decision householdExit(HouseholdFacts facts) {
        PolicyPack p = require(RuleKind.HOUSEHOLD_EXIT, region(facts), facts.asOf());
        return decide(RuleKind.HOUSEHOLD_EXIT, p, id(facts), () -> p.householdExit().orElseThrow().evaluate(facts));
    }

    /** Whether a village or county meets the exit criteria (positive = may exit). */
    public Decision areaExit(AreaFacts facts) {
        PolicyPack p = require(RuleKind.AREA_EXIT, facts.area(), facts.asOf());
        return decide(RuleKind.AREA_EXIT, p, facts.area().value(), () -> p.areaExit().orElseThrow().evaluate(facts));
    }

    /**
     * The procedure terms (程序时限) for {@code region} on {@code date}: those of the most specific pack in force that
     * sets them, else {@link ProcedureTerms#defaults()}.
     */
    public ProcedureTerms terms(RegionCode region, LocalDate date) {
        for (PolicyPack p : inForce(region, date)) {
            Optional<ProcedureTerms> t = p.procedureTerms();
            if (t.isPresent()) {
                return t.get();
            }
        }
        return ProcedureTerms.defaults();
    }

    /**
     * The ages of compulsory education (义务教育年龄) for {@code region} on {@code date}: those of the most specific
     * pack in force that sets them, else {@link SchoolAge#defaults()}. The plan drafter reads it so that it and the
     * packs' basic-needs checks agree.
     */
    public SchoolAge schoolAge(RegionCode region, LocalDate date) {
        for (PolicyPack p : inForce(region, date)) {
            Optional<SchoolAge> a = p.schoolAge();
            if (a.isPresent()) {
                return a.get();
            }
        }
        return SchoolAge.defaults();
    }

    /** Whether the household should be monitored, and under which category. */
    public MonitoringAssessment monitoring(HouseholdFacts facts) {
        PolicyPack p = require(RuleKind.MONITORING, region(facts), facts.asOf());
        return run(p, RuleKind.MONITORING.name(), id(facts), () -> p.monitoring().orElseThrow().assess(facts),
                MonitoringAssessment::explanation, m -> null).orThrow();
    }

    /** Whether a monitored household's risk is cleared (positive = cleared). */
    public Decision riskCleared(HouseholdFacts facts) {
        PolicyPack p = require(RuleKind.MONITORING, region(facts), facts.asOf());
        return decide(RuleKind.MONITORING, p, id(facts), () -> p.monitoring().orElseThrow().riskCleared(facts));
    }

    /**
     * The interest subsidy of one loan of a household in {@code region} for the days from {@code from} to {@code to}
     * (exclusive), by the pack in force on {@code from}: the single implementation the funds ledger and the benefit
     * statement share.
     *
     * @throws ConfigurationException when no pack in force provides an interest-subsidy rule
     * @throws PolicyRuleException    when the rule fails
     */
    public LoanSubsidy interestSubsidy(RegionCode region, String householdId, Microloan loan, LocalDate from,
            LocalDate to) {
        PolicyPack p = require(RuleKind.INTEREST_SUBSIDY, region, from);
        InterestSubsidyRule r = p.interestSubsidy().orElseThrow();
        return run(p, r.policy(), householdId, () -> r.subsidy(loan, from, to),
                s -> s.amount().explanation(), s -> s.amount().policy()).orThrow();
    }

    /** The benefit rules in force for the region and date, one per policy id, most specific pack first. */
    public List<BenefitRule> benefitRules(RegionCode region, LocalDate date) {
        List<BenefitRule> out = new ArrayList<>();
        resolved(region, date).forEach((rule, pack) -> out.add(rule));
        return out;
    }

    private Map<BenefitRule, PolicyPack> resolved(RegionCode region, LocalDate date) {
        Set<String> taken = new HashSet<>();
        Map<BenefitRule, PolicyPack> out = new LinkedHashMap<>();
        for (PolicyPack p : inForce(region, date)) {
            for (BenefitRule r : p.benefits()) {
                if (taken.add(r.policy())) {
                    out.put(r, p);
                }
            }
        }
        return out;
    }

    /**
     * Every benefit the household is entitled to in the facts' year, zero amounts included, each explained: the
     * benefit rules in force and, when a pack provides it, the interest subsidy of the household's loans for the
     * calendar year. A failing rule gives a failed line; the others are unaffected.
     */
    public List<BenefitLine> benefits(HouseholdFacts facts) {
        List<BenefitLine> out = new ArrayList<>();
        resolved(region(facts), facts.asOf()).forEach((rule, pack) -> {
            Outcome<BenefitAmount> o = run(pack, rule.policy(), id(facts), () -> rule.compute(facts),
                    BenefitAmount::explanation, BenefitAmount::policy);
            out.add(new BenefitLine(pluginOf(pack), pack.name(), rule.policy(), rule.title(), o.value(),
                    o.failure()));
        });
        packFor(RuleKind.INTEREST_SUBSIDY, region(facts), facts.asOf()).ifPresent(p -> out.add(yearlySubsidy(p,
                facts)));
        return out;
    }

    /** Benefit lines of many households; failures are collected, never thrown. */
    public BulkBenefits benefitsAll(Collection<HouseholdFacts> households) {
        Map<String, List<BenefitLine>> by = new LinkedHashMap<>();
        List<RuleFailure> failures = new ArrayList<>();
        for (HouseholdFacts f : households) {
            List<BenefitLine> lines = benefits(f);
            by.put(id(f), lines);
            lines.stream().filter(BenefitLine::failed).forEach(l -> failures.add(l.failure()));
        }
        return new BulkBenefits(by, failures);
    }

    /** The household's loans' subsidy for the calendar year as one benefit line, a part per loan segment. */
    private BenefitLine yearlySubsidy(PolicyPack pack, HouseholdFacts facts) {
        InterestSubsidyRule rule = pack.interestSubsidy().orElseThrow();
        LocalDate from = LocalDate.of(facts.year(), 1, 1);
        LocalDate to = from.plusYears(1);
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> inputs = new LinkedHashMap<>();
        List<ExplanationPart> parts = new ArrayList<>();
        for (Microloan loan : facts.extra().loans()) {
            Outcome<LoanSubsidy> o = run(pack, rule.policy(), id(facts), () -> rule.subsidy(loan, from, to),
                    s -> s.amount().explanation(), s -> s.amount().policy());
            if (o.failure() != null) {
                return new BenefitLine(pluginOf(pack), pack.name(), rule.policy(), rule.title(), null, o.failure());
            }
            Explanation e = o.value().amount().explanation();
            if (params.isEmpty()) {
                params.putAll(e.parameters());
            }
            inputs.put("贷款 " + loan.loanId(), e.result());
            e.parts().forEach(part -> parts.add(new ExplanationPart("贷款 " + loan.loanId() + " " + part.label(),
                    part.amount(), part.basis())));
        }
        if (inputs.isEmpty()) {
            inputs.put("贷款", "无");
        }
        BigDecimal total = parts.stream().map(ExplanationPart::amount).reduce(BigDecimal.ZERO.setScale(2),
                BigDecimal::add);
        String result = facts.extra().loans().isEmpty() ? "不享受：无扶贫小额信贷"
                : total.signum() == 0 ? "不享受：" + facts.year() + " 年度无贴息贷款"
                : facts.extra().loans().size() + " 笔贷款贴息，合计 " + total.toPlainString() + " 元";
        BenefitAmount amount = new BenefitAmount(rule.policy(), rule.title(), total,
                new Explanation(pack.name(), rule.policy(), params, inputs, result, parts));
        return new BenefitLine(pluginOf(pack), pack.name(), rule.policy(), rule.title(), amount, null);
    }

    private static RegionCode region(HouseholdFacts facts) {
        return facts.household().region();
    }

    private static String id(HouseholdFacts facts) {
        return String.valueOf(facts.household().id());
    }
}

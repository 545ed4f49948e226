package org.jingzhun.core.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jingzhun.spi.error.ConfigurationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.policy.AreaFacts;
import org.jingzhun.spi.policy.BenefitAmount;
import org.jingzhun.spi.policy.BenefitRule;
import org.jingzhun.spi.policy.Decision;
import org.jingzhun.spi.policy.HouseholdFacts;
import org.jingzhun.spi.policy.MonitoringAssessment;
import org.jingzhun.spi.policy.PolicyPack;
import org.jingzhun.spi.policy.ProcedureTerms;
import org.jingzhun.spi.policy.RuleKind;
import org.jingzhun.spi.region.RegionCode;

/**
 * The policy engine (政策引擎): resolves, for a region and a date, which pack's rule decides each rule kind and runs
 * it. For each kind it takes the most specific pack in force (longest region-scope prefix) that provides the kind,
 * falling back to broader packs; benefit rules are resolved per policy id the same way, so a provincial pack adds
 * benefits and can replace a national one of the same id. Pure computation: no storage, no principal; the
 * capabilities that persist decisions ({@code IdentificationWorkflow}, {@code ExitWorkflow}, …) call it.
 *
 * <p>Construction checks the packs: two packs with the same scope and overlapping periods, or a pack whose
 * configuration violates its constraints, are reported together as one {@link ConfigurationException}.
 */
public final class PolicyEngine {
    private final List<PolicyPack> packs;

    /**
     * @param configValidator validates a pack's configuration object and returns every violation (core passes Bean
     *                        Validation)
     */
    public PolicyEngine(List<PolicyPack> packs, Function<Object, List<Violation>> configValidator) {
        this.packs = List.copyOf(packs);
        check(this.packs, configValidator);
    }

    private static void check(List<PolicyPack> packs, Function<Object, List<Violation>> validator) {
        Set<String> names = new HashSet<>();
        for (PolicyPack p : packs) {
            if (!names.add(p.name())) {
                throw new ConfigurationException("config.duplicate_extension", "policy pack", p.name());
            }
            List<Object> configs = new ArrayList<>();
            if (p.config() != null) {
                configs.add(p.config());
            }
            p.procedureTerms().ifPresent(configs::add);
            for (Object config : configs) {
                List<Violation> problems = validator.apply(config);
                if (!problems.isEmpty()) {
                    StringBuilder sb = new StringBuilder();
                    problems.forEach(v -> sb.append(sb.length() == 0 ? "" : "; ").append(v.describe(Locale.ENGLISH)));
                    throw new ConfigurationException("config.policy_invalid", p.name(), sb.toString());
                }
            }
        }
        for (int i = 0; i < packs.size(); i++) {
            for (int j = i + 1; j < packs.size(); j++) {
                PolicyPack a = packs.get(i);
                PolicyPack b = packs.get(j);
                if (a.regionScope().equals(b.regionScope()) && a.effectivePeriod().overlaps(b.effectivePeriod())) {
                    throw new ConfigurationException("config.policy_overlap", a.name(), b.name(), a.regionScope(),
                            a.effectivePeriod(), b.effectivePeriod());
                }
            }
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

    private PolicyPack require(RuleKind kind, RegionCode region, LocalDate date) {
        return packFor(kind, region, date)
                .orElseThrow(() -> new ConfigurationException("policy.no_rule", kind, region, date));
    }

    /** Whether the household qualifies for identification (positive = eligible). */
    public Decision eligibility(HouseholdFacts facts) {
        return require(RuleKind.ELIGIBILITY, region(facts), facts.asOf()).eligibility().orElseThrow().evaluate(facts);
    }

    /** Whether the household is excluded from registration (positive = excluded); empty when no pack decides it. */
    public Optional<Decision> exclusion(HouseholdFacts facts) {
        return packFor(RuleKind.EXCLUSION, region(facts), facts.asOf())
                .map(p -> p.exclusion().orElseThrow().evaluate(facts));
    }

    /** Whether the household meets the exit criteria (positive = may exit). */
    public Decision householdExit(HouseholdFacts facts) {
        return require(RuleKind.HOUSEHOLD_EXIT, region(facts), facts.asOf()).householdExit().orElseThrow()
                .evaluate(facts);
    }

    /** Whether a village or county meets the exit criteria (positive = may exit). */
    public Decision areaExit(AreaFacts facts) {
        return require(RuleKind.AREA_EXIT, facts.area(), facts.asOf()).areaExit().orElseThrow().evaluate(facts);
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

    /** Whether the household should be monitored, and under which category. */
    public MonitoringAssessment monitoring(HouseholdFacts facts) {
        return require(RuleKind.MONITORING, region(facts), facts.asOf()).monitoring().orElseThrow().assess(facts);
    }

    /** Whether a monitored household's risk is cleared (positive = cleared). */
    public Decision riskCleared(HouseholdFacts facts) {
        return require(RuleKind.MONITORING, region(facts), facts.asOf()).monitoring().orElseThrow()
                .riskCleared(facts);
    }

    /** The benefit rules in force for the region and date, one per policy id, most specific pack first. */
    public List<BenefitRule> benefitRules(RegionCode region, LocalDate date) {
        Set<String> taken = new HashSet<>();
        List<BenefitRule> out = new ArrayList<>();
        for (PolicyPack p : inForce(region, date)) {
            for (BenefitRule r : p.benefits()) {
                if (taken.add(r.policy())) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** Every amount the household is entitled to in the facts' year, zero amounts included, each explained. */
    public List<BenefitAmount> benefits(HouseholdFacts facts) {
        return benefitRules(region(facts), facts.asOf()).stream().map(r -> r.compute(facts)).toList();
    }

    private static RegionCode region(HouseholdFacts facts) {
        return facts.household().region();
    }
}

package org.jingzhun.core.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.policy.AreaExitRule;
import org.jingzhun.spi.policy.BenefitAmount;
import org.jingzhun.spi.policy.BenefitRule;
import org.jingzhun.spi.policy.Decision;
import org.jingzhun.spi.policy.EffectivePeriod;
import org.jingzhun.spi.policy.EligibilityRule;
import org.jingzhun.spi.policy.Explanation;
import org.jingzhun.spi.policy.ExplanationPart;
import org.jingzhun.spi.policy.HouseholdExitRule;
import org.jingzhun.spi.policy.HouseholdFacts;
import org.jingzhun.spi.policy.MonitoringAssessment;
import org.jingzhun.spi.policy.MonitoringCategory;
import org.jingzhun.spi.policy.MonitoringRule;
import org.jingzhun.spi.policy.PolicyPack;
import org.jingzhun.spi.policy.RegionScope;

/** A small policy pack for core tests (core tests never use the real packs): line 3,000 yuan, 100 yuan per member. */
public final class TestPack implements PolicyPack {
    public static final BigDecimal LINE = new BigDecimal("3000.00");
    private final String name;
    private final RegionScope scope;
    private final EffectivePeriod period;
    private final BigDecimal perMember;
    private final boolean overriding;

    public TestPack(String name, RegionScope scope, EffectivePeriod period, BigDecimal perMember) {
        this(name, scope, period, perMember, false);
    }

    private TestPack(String name, RegionScope scope, EffectivePeriod period, BigDecimal perMember,
            boolean overriding) {
        this.name = name;
        this.scope = scope;
        this.period = period;
        this.perMember = perMember;
        this.overriding = overriding;
    }

    /** The same pack declaring that it replaces a broader pack's per-member benefit. */
    public TestPack overridingBroader() {
        return new TestPack(name, scope, period, perMember, true);
    }

    @Override
    public java.util.Set<String> overrides() {
        return overriding ? java.util.Set.of("test.per-member") : java.util.Set.of();
    }

    public static TestPack national() {
        return new TestPack("test-national", RegionScope.national(), EffectivePeriod.from(LocalDate.of(2014, 1, 1)),
                new BigDecimal("100.00"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RegionScope regionScope() {
        return scope;
    }

    @Override
    public EffectivePeriod effectivePeriod() {
        return period;
    }

    private Explanation ex(String rule, HouseholdFacts f, String result, List<ExplanationPart> parts) {
        String income = f.income() == null ? "none" : f.income().perCapitaNetIncome().toPlainString();
        return new Explanation(name, rule, Map.of("line", LINE.toPlainString()), Map.of("perCapita", income), result,
                parts);
    }

    private static BigDecimal perCapita(HouseholdFacts f) {
        return f.income() == null ? BigDecimal.ZERO : f.income().perCapitaNetIncome();
    }

    @Override
    public Optional<EligibilityRule> eligibility() {
        return Optional.of(f -> {
            boolean below = f.income() != null && perCapita(f).compareTo(LINE) < 0;
            return new Decision(below, ex("eligibility", f, below ? "below line" : "not below line", null));
        });
    }

    @Override
    public Optional<HouseholdExitRule> householdExit() {
        return Optional.of(f -> {
            boolean ok = f.income() != null && perCapita(f).compareTo(LINE) >= 0;
            return new Decision(ok, ex("exit", f, ok ? "meets exit criteria" : "income below line", null));
        });
    }

    @Override
    public Optional<AreaExitRule> areaExit() {
        return Optional.of(a -> {
            boolean ok = BigDecimal.valueOf(a.poorPeople()).multiply(BigDecimal.valueOf(100))
                    .compareTo(BigDecimal.valueOf(2).multiply(BigDecimal.valueOf(a.ruralPopulation()))) < 0;
            return new Decision(ok, new Explanation(name, "area-exit", Map.of("threshold", "2%"),
                    Map.of("incidence", a.incidencePercent().toPlainString()), ok ? "may exit" : "incidence too high",
                    null));
        });
    }

    @Override
    public Optional<MonitoringRule> monitoring() {
        BigDecimal limit = LINE.multiply(new BigDecimal("1.5"));
        return Optional.of(new MonitoringRule() {
            @Override
            public MonitoringAssessment assess(HouseholdFacts f) {
                Household h = f.household();
                BigDecimal pc = perCapita(f);
                MonitoringCategory c = null;
                if (f.income() != null && f.extra().rigidSpending().compareTo(f.income().netIncome()) > 0) {
                    c = MonitoringCategory.SUDDEN_HARDSHIP;
                } else if (f.income() != null && pc.compareTo(limit) < 0) {
                    c = h.status() == PovertyStatus.EXITED ? MonitoringCategory.UNSTABLE_EXITED
                            : MonitoringCategory.MARGINAL;
                }
                return new MonitoringAssessment(c, ex("monitoring", f, c == null ? "no risk" : c.label(), null));
            }

            @Override
            public Decision riskCleared(HouseholdFacts f) {
                boolean ok = f.income() != null && perCapita(f).compareTo(limit) >= 0
                        && f.extra().rigidSpending().compareTo(f.income().netIncome()) <= 0;
                return new Decision(ok, ex("risk-cleared", f, ok ? "cleared" : "still at risk", null));
            }
        });
    }

    @Override
    public List<BenefitRule> benefits() {
        return List.of(new BenefitRule() {
            @Override
            public String policy() {
                return "test.per-member";
            }

            @Override
            public String title() {
                return "人均补助 (" + name + ")";
            }

            @Override
            public BenefitAmount compute(HouseholdFacts f) {
                List<ExplanationPart> parts = new ArrayList<>();
                for (Member m : f.household().members()) {
                    parts.add(new ExplanationPart(m.name(), perMember, perMember.toPlainString() + " × 1"));
                }
                return BenefitAmount.ofParts(policy(), title(), ex(policy(), f, "paid per member", parts));
            }
        });
    }
}

package org.jingzhun.policy.national;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Insurance;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.household.StudentStatus;
import org.jingzhun.spi.policy.AreaExitRule;
import org.jingzhun.spi.policy.Decision;
import org.jingzhun.spi.policy.EffectivePeriod;
import org.jingzhun.spi.policy.EligibilityRule;
import org.jingzhun.spi.policy.ExclusionFactor;
import org.jingzhun.spi.policy.ExclusionRule;
import org.jingzhun.spi.policy.Explanation;
import org.jingzhun.spi.policy.HouseholdExitRule;
import org.jingzhun.spi.policy.HouseholdFacts;
import org.jingzhun.spi.policy.MonitoringAssessment;
import org.jingzhun.spi.policy.MonitoringCategory;
import org.jingzhun.spi.policy.MonitoringRule;
import org.jingzhun.spi.policy.PolicyPack;
import org.jingzhun.spi.policy.RegionScope;

/**
 * The national pack (国家扶贫标准): income line by year, basic needs (两不愁三保障: safe housing, safe drinking water,
 * medical insurance for every member, no child of compulsory-education age out of school), exclusions, household
 * exit (stable income above the line plus basic needs), village/county exit (incidence below 2%, or 3% where
 * configured) and monitoring (income under a multiple of the line, or rigid spending above net income). Provides no
 * benefit rules: amounts are local policy.
 */
public final class NationalPolicyPack implements PolicyPack {
    static final String NAME = "national";
    private final NationalPolicyConfig config;

    public NationalPolicyPack(NationalPolicyConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RegionScope regionScope() {
        return RegionScope.national();
    }

    @Override
    public EffectivePeriod effectivePeriod() {
        return EffectivePeriod.from(config.effectiveFrom());
    }

    @Override
    public NationalPolicyConfig config() {
        return config;
    }

    /** The line of a year with a note saying where it comes from. */
    record Line(BigDecimal amount, String note) {
    }

    Line line(int year) {
        TreeMap<Integer, BigDecimal> lines = new TreeMap<>(config.lines());
        BigDecimal exact = lines.get(year);
        if (exact != null) {
            return new Line(exact.setScale(2), config.confirmedLineYears().contains(year) ? "confirmed"
                    : "[unconfirmed]");
        }
        Map.Entry<Integer, BigDecimal> before = lines.floorEntry(year);
        if (before == null) {
            throw new IllegalArgumentException("national pack has no poverty line for " + year
                    + " (first configured year " + lines.firstKey() + ")");
        }
        return new Line(before.getValue().setScale(2), "[unconfirmed] carried forward from " + before.getKey());
    }

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Unmet basic needs (三保障 and drinking water) of a household on a date, empty when all are met. */
    List<String> basicNeedGaps(Household h, LocalDate asOf) {
        List<String> gaps = new ArrayList<>();
        if (h.housing() == null || !h.housing().safe()) {
            gaps.add("住房安全无保障");
        }
        if (!h.safeDrinkingWater()) {
            gaps.add("饮水不安全");
        }
        for (Member m : h.members()) {
            if (!m.insurances().contains(Insurance.RURAL_MEDICAL)) {
                gaps.add("未参加基本医疗保险:" + m.citizenId().masked());
            }
            int age = m.citizenId().ageOn(asOf);
            boolean inSchool = m.studentStatus() != StudentStatus.NOT_STUDENT
                    && m.studentStatus() != StudentStatus.PRE_SCHOOL;
            if (age >= config.compulsoryAgeFrom() && age <= config.compulsoryAgeTo() && !inSchool) {
                gaps.add("义务教育阶段失学辍学:" + m.citizenId().masked());
            }
        }
        return gaps;
    }

    @Override
    public Optional<EligibilityRule> eligibility() {
        return Optional.of(f -> {
            Line line = line(f.year());
            List<String> gaps = basicNeedGaps(f.household(), f.asOf());
            Map<String, String> params = map("line", line.amount().toPlainString(), "lineSource", line.note(),
                    "basicNeedsGapQualifies", Boolean.toString(config.basicNeedsGapQualifies()));
            if (f.income() == null) {
                return Decision.no(new Explanation(NAME, "national.eligibility", params,
                        map("income", "none", "basicNeedGaps", String.join("; ", gaps)),
                        "no income statement for " + f.year() + ": cannot be identified", null));
            }
            BigDecimal pc = f.income().perCapitaNetIncome();
            boolean below = pc.compareTo(line.amount()) < 0;
            boolean eligible = below || (config.basicNeedsGapQualifies() && !gaps.isEmpty());
            String result = below ? "eligible: per-capita net income " + pc + " < line " + line.amount()
                    : eligible ? "eligible: basic needs unmet (" + String.join("; ", gaps) + ")"
                    : "not eligible: per-capita net income " + pc + " ≥ line " + line.amount();
            return new Decision(eligible, new Explanation(NAME, "national.eligibility", params,
                    map("perCapitaNetIncome", pc.toPlainString(), "householdSize",
                            Integer.toString(f.income().householdSize()), "basicNeedGaps",
                            gaps.isEmpty() ? "none" : String.join("; ", gaps)), result, null));
        });
    }

    @Override
    public Optional<ExclusionRule> exclusion() {
        return Optional.of(f -> {
            List<String> found = new ArrayList<>();
            for (ExclusionFactor x : f.extra().exclusions()) {
                if (config.exclusionFactors().contains(x)) {
                    found.add(x.label());
                }
            }
            found.sort(null);
            return new Decision(!found.isEmpty(), new Explanation(NAME, "national.exclusion",
                    map("excludingFactors", config.exclusionFactors().stream().map(Enum::name).sorted().toList()
                            .toString()),
                    map("declared", f.extra().exclusions().stream().map(Enum::name).sorted().toList().toString()),
                    found.isEmpty() ? "no excluding circumstance" : "excluded: " + String.join("; ", found), null));
        });
    }

    @Override
    public Optional<HouseholdExitRule> householdExit() {
        return Optional.of(f -> {
            Line line = line(f.year());
            List<String> gaps = basicNeedGaps(f.household(), f.asOf());
            Map<String, String> params = map("line", line.amount().toPlainString(), "lineSource", line.note(),
                    "countedIncome", config.exitCountedIncome().stream().map(Enum::name).sorted().toList().toString());
            if (f.income() == null) {
                return Decision.no(new Explanation(NAME, "national.household-exit", params, map("income", "none"),
                        "no income statement for " + f.year(), null));
            }
            BigDecimal pc = f.income().perCapitaNetIncome(config.exitCountedIncome());
            boolean incomeOk = pc.compareTo(line.amount()) >= 0;
            boolean ok = incomeOk && gaps.isEmpty();
            String result = ok ? "meets exit criteria: stable per-capita income " + pc + " ≥ line " + line.amount()
                    + " and basic needs guaranteed"
                    : "does not meet exit criteria:" + (incomeOk ? "" : " stable per-capita income " + pc + " < line "
                    + line.amount() + ";") + (gaps.isEmpty() ? "" : " basic needs unmet: " + String.join("; ", gaps));
            return new Decision(ok, new Explanation(NAME, "national.household-exit", params,
                    map("stablePerCapitaIncome", pc.toPlainString(), "basicNeedGaps",
                            gaps.isEmpty() ? "none" : String.join("; ", gaps)), result, null));
        });
    }

    /** The incidence threshold (percent) for an area: higher under the configured prefixes. */
    BigDecimal threshold(String code) {
        return config.higherThresholdPrefixes().stream().anyMatch(code::startsWith)
                ? config.higherThresholdPercent() : config.incidenceThresholdPercent();
    }

    @Override
    public Optional<AreaExitRule> areaExit() {
        return Optional.of(a -> {
            BigDecimal threshold = threshold(a.area().value());
            // Exact comparison poor/population < t% ⇔ poor × 100 < t × population, no rounding involved.
            boolean ok = BigDecimal.valueOf(a.poorPeople()).multiply(BigDecimal.valueOf(100))
                    .compareTo(threshold.multiply(BigDecimal.valueOf(a.ruralPopulation()))) < 0;
            return new Decision(ok, new Explanation(NAME, "national.area-exit",
                    map("incidenceThresholdPercent", threshold.toPlainString()),
                    map("ruralPopulation", Long.toString(a.ruralPopulation()), "poorPeople",
                            Long.toString(a.poorPeople()), "incidencePercent", a.incidencePercent().toPlainString()),
                    (ok ? "may exit: incidence " : "may not exit: incidence ") + a.incidencePercent() + "% "
                            + (ok ? "<" : "≥") + " " + threshold + "%", null));
        });
    }

    @Override
    public Optional<MonitoringRule> monitoring() {
        return Optional.of(new MonitoringRule() {
            @Override
            public MonitoringAssessment assess(HouseholdFacts f) {
                Line line = line(f.year());
                BigDecimal limit = line.amount().multiply(config.monitoringMultiple()).setScale(2,
                        java.math.RoundingMode.HALF_UP);
                Map<String, String> params = map("line", line.amount().toPlainString(), "lineSource", line.note(),
                        "monitoringMultiple", config.monitoringMultiple().toPlainString(), "monitoringLine",
                        limit.toPlainString());
                if (f.income() == null) {
                    return new MonitoringAssessment(null, new Explanation(NAME, "national.monitoring", params,
                            map("income", "none"), "no income statement: not assessed", null));
                }
                BigDecimal pc = f.income().perCapitaNetIncome();
                BigDecimal net = f.income().netIncome();
                BigDecimal rigid = f.extra().rigidSpending();
                MonitoringCategory c = null;
                String why = "no risk";
                if (!f.household().status().poor() && rigid.compareTo(net) > 0) {
                    c = MonitoringCategory.SUDDEN_HARDSHIP;
                    why = "rigid spending " + rigid + " > net income " + net;
                } else if (pc.compareTo(limit) < 0 && f.household().status() == PovertyStatus.EXITED) {
                    c = MonitoringCategory.UNSTABLE_EXITED;
                    why = "exited, per-capita income " + pc + " < monitoring line " + limit;
                } else if (pc.compareTo(limit) < 0 && f.household().status() == PovertyStatus.NON_POOR) {
                    c = MonitoringCategory.MARGINAL;
                    why = "not poor, per-capita income " + pc + " < monitoring line " + limit;
                }
                return new MonitoringAssessment(c, new Explanation(NAME, "national.monitoring", params,
                        map("status", f.household().status().name(), "perCapitaNetIncome", pc.toPlainString(),
                                "netIncome", net.toPlainString(), "rigidSpending", rigid.toPlainString()),
                        c == null ? why : c.label() + ": " + why, null));
            }

            @Override
            public Decision riskCleared(HouseholdFacts f) {
                Line line = line(f.year());
                BigDecimal limit = line.amount().multiply(config.monitoringMultiple()).setScale(2,
                        java.math.RoundingMode.HALF_UP);
                Map<String, String> params = map("monitoringLine", limit.toPlainString(), "lineSource", line.note());
                if (f.income() == null) {
                    return Decision.no(new Explanation(NAME, "national.risk-cleared", params, map("income", "none"),
                            "no income statement for " + f.year(), null));
                }
                BigDecimal pc = f.income().perCapitaNetIncome(config.exitCountedIncome());
                BigDecimal net = f.income().netIncome();
                BigDecimal rigid = f.extra().rigidSpending();
                List<String> gaps = basicNeedGaps(f.household(), f.asOf());
                boolean ok = pc.compareTo(limit) >= 0 && rigid.compareTo(net) <= 0 && gaps.isEmpty();
                return new Decision(ok, new Explanation(NAME, "national.risk-cleared", params,
                        map("stablePerCapitaIncome", pc.toPlainString(), "rigidSpending", rigid.toPlainString(),
                                "netIncome", net.toPlainString(), "basicNeedGaps",
                                gaps.isEmpty() ? "none" : String.join("; ", gaps)),
                        ok ? "risk cleared: stable income " + pc + " ≥ " + limit + ", spending covered, basic needs met"
                                : "risk remains: needs stable income ≥ " + limit + ", rigid spending ≤ net income and"
                                + " basic needs met", null));
            }
        });
    }
}

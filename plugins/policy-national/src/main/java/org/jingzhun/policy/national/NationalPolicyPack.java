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
import org.jingzhun.spi.policy.SchoolAge;
import org.jingzhun.spi.policy.VillageIndicators;
import org.jingzhun.spi.region.RegionLevel;

/**
 * The national pack (国家扶贫标准): income line by year, basic needs (两不愁三保障: food and clothing, safe housing,
 * safe drinking water, medical insurance for every member, no child of compulsory-education age out of school),
 * exclusions, household exit (stable income above the line plus basic needs), village/county exit (incidence below
 * 2%, or 3% in the western provinces, and for villages the configured indicators) and monitoring (income under a
 * multiple of the line, or rigid spending above net income). Income tests use the line of the household's
 * identification standard (国家/省定/市定). Provides no benefit rules: amounts are local policy.
 *
 * <p>Food and clothing (不愁吃、不愁穿) are not recorded on the card, so the pack assesses them from income, the usual
 * proxy in the exit checks: they are secure when the stable per-capita net income reaches the household's line.
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

    /**
     * The line of the household's identification standard for a year: the configured provincial or municipal line
     * for its area, else the national line with a note saying the local one is not configured.
     */
    Line lineFor(Household h, int year) {
        String code = h.region().value();
        String prefix = switch (h.standard()) {
            case NATIONAL -> null;
            case PROVINCIAL -> code.substring(0, 2);
            case MUNICIPAL -> code.substring(0, 4);
        };
        Map<Integer, BigDecimal> local = prefix == null ? null : config.localLines().get(prefix);
        Map.Entry<Integer, BigDecimal> entry = local == null ? null : new TreeMap<>(local).floorEntry(year);
        if (entry == null) {
            Line national = line(year);
            return prefix == null ? national : new Line(national.amount(), national.note() + "; no "
                    + h.standard().name().toLowerCase(java.util.Locale.ROOT) + " line configured for " + prefix
                    + ": national line used");
        }
        return new Line(entry.getValue().setScale(2), h.standard().name().toLowerCase(java.util.Locale.ROOT)
                + " line of " + prefix + (entry.getKey() == year ? "" : " carried forward from " + entry.getKey()));
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

    /**
     * Food and clothing (两不愁) from income: the reason they are not secure, or null when the stable per-capita net
     * income reaches the line.
     */
    static String foodAndClothingGap(BigDecimal stablePerCapita, Line line) {
        return stablePerCapita.compareTo(line.amount()) >= 0 ? null : "不愁吃、不愁穿无保障:稳定人均纯收入"
                + stablePerCapita.toPlainString() + "元低于标准" + line.amount().toPlainString() + "元";
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
            boolean inSchool = m.studentStatus() != StudentStatus.NOT_STUDENT
                    && m.studentStatus() != StudentStatus.PRE_SCHOOL;
            if (config.schoolAge().covers(m.birthDate(), asOf) && !inSchool) {
                gaps.add("义务教育阶段失学辍学:" + m.citizenId().masked());
            }
        }
        return gaps;
    }

    @Override
    public Optional<EligibilityRule> eligibility() {
        return Optional.of(f -> {
            Line line = lineFor(f.household(), f.year());
            List<String> gaps = basicNeedGaps(f.household(), f.asOf());
            Map<String, String> params = map("standard", f.household().standard().name(),
                    "line", line.amount().toPlainString(), "lineSource", line.note(),
                    "basicNeedsGapQualifies", Boolean.toString(config.basicNeedsGapQualifies()));
            if (f.income() == null) {
                return Decision.no(new Explanation(NAME, "national.eligibility", params,
                        map("income", "none", "basicNeedGaps", String.join("; ", gaps)),
                        "no income statement for " + f.year() + ": cannot be identified", null));
            }
            BigDecimal pc = f.income().perCapitaNetIncome();
            String food = foodAndClothingGap(f.income().perCapitaNetIncome(config.exitCountedIncome()), line);
            if (food != null) {
                gaps.add(0, food);
            }
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
            Line line = lineFor(f.household(), f.year());
            List<String> gaps = basicNeedGaps(f.household(), f.asOf());
            Map<String, String> params = map("standard", f.household().standard().name(),
                    "line", line.amount().toPlainString(), "lineSource", line.note(),
                    "countedIncome", config.exitCountedIncome().stream().map(Enum::name).sorted().toList().toString());
            if (f.income() == null) {
                return Decision.no(new Explanation(NAME, "national.household-exit", params, map("income", "none"),
                        "no income statement for " + f.year(), null));
            }
            BigDecimal pc = f.income().perCapitaNetIncome(config.exitCountedIncome());
            String food = foodAndClothingGap(pc, line);
            if (food != null) {
                gaps.add(0, food);
            }
            boolean incomeOk = pc.compareTo(line.amount()) >= 0;
            boolean ok = incomeOk && gaps.isEmpty();
            String result = ok ? "meets exit criteria: stable per-capita income " + pc + " ≥ line " + line.amount()
                    + " and basic needs guaranteed"
                    : "does not meet exit criteria:" + (incomeOk ? "" : " stable per-capita income " + pc + " < line "
                    + line.amount() + ";") + (gaps.isEmpty() ? "" : " basic needs unmet: " + String.join("; ", gaps));
            return new Decision(ok, new Explanation(NAME, "national.household-exit", params,
                    map("stablePerCapitaIncome", pc.toPlainString(), "foodAndClothing", food == null ? "secure" : food,
                            "basicNeedGaps", gaps.isEmpty() ? "none" : String.join("; ", gaps)), result, null));
        });
    }

    @Override
    public Optional<SchoolAge> schoolAge() {
        return Optional.of(config.schoolAge());
    }

    /** The village indicators not met (each a named reason), empty when all configured ones are met. */
    List<String> villageGaps(VillageIndicators v) {
        NationalPolicyConfig.VillageCriteria c = config.villageCriteria();
        List<String> gaps = new ArrayList<>();
        if (v == null) {
            gaps.add("未录入贫困村出列指标");
            return gaps;
        }
        if (c.minCollectiveIncome() != null && (v.collectiveIncome() == null
                || v.collectiveIncome().compareTo(c.minCollectiveIncome()) < 0)) {
            gaps.add("村集体经济收入" + (v.collectiveIncome() == null ? "未录入" : v.collectiveIncome().toPlainString()
                    + "元") + "低于" + c.minCollectiveIncome().toPlainString() + "元");
        }
        if (c.hardenedRoad() && !v.hardenedRoad()) {
            gaps.add("未通硬化路");
        }
        if (c.safeDrinkingWater() && !v.safeDrinkingWater()) {
            gaps.add("未实现安全饮水");
        }
        if (c.clinic() && !v.clinic()) {
            gaps.add("无标准化卫生室");
        }
        if (c.broadband() && !v.broadband()) {
            gaps.add("未通宽带");
        }
        return gaps;
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
            boolean incidenceOk = BigDecimal.valueOf(a.poorPeople()).multiply(BigDecimal.valueOf(100))
                    .compareTo(threshold.multiply(BigDecimal.valueOf(a.ruralPopulation()))) < 0;
            boolean village = a.area().level() == RegionLevel.VILLAGE;
            List<String> gaps = village ? villageGaps(a.indicators()) : List.of();
            boolean ok = incidenceOk && gaps.isEmpty();
            Map<String, String> params = map("incidenceThresholdPercent", threshold.toPlainString());
            Map<String, String> inputs = map("ruralPopulation", Long.toString(a.ruralPopulation()), "poorPeople",
                    Long.toString(a.poorPeople()), "incidencePercent", a.incidencePercent().toPlainString());
            if (village) {
                NationalPolicyConfig.VillageCriteria c = config.villageCriteria();
                params.put("minCollectiveIncome", c.minCollectiveIncome() == null ? "not required"
                        : c.minCollectiveIncome().toPlainString());
                params.put("required", (c.hardenedRoad() ? "road " : "") + (c.safeDrinkingWater() ? "water " : "")
                        + (c.clinic() ? "clinic " : "") + (c.broadband() ? "broadband" : ""));
                VillageIndicators v = a.indicators();
                inputs.put("indicators", v == null ? "none" : "collectiveIncome=" + v.collectiveIncome()
                        + " road=" + v.hardenedRoad() + " water=" + v.safeDrinkingWater() + " clinic=" + v.clinic()
                        + " broadband=" + v.broadband());
                inputs.put("indicatorGaps", gaps.isEmpty() ? "none" : String.join("; ", gaps));
            }
            String result = (ok ? "may exit: incidence " : "may not exit: incidence ") + a.incidencePercent() + "% "
                    + (incidenceOk ? "<" : "≥") + " " + threshold + "%"
                    + (gaps.isEmpty() ? (village ? ", village indicators met" : "")
                    : "; indicators not met: " + String.join("; ", gaps));
            return new Decision(ok, new Explanation(NAME, "national.area-exit", params, inputs, result, null));
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

package org.jingzhun.policy.anhui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.policy.BenefitAmount;
import org.jingzhun.spi.policy.BenefitRule;
import org.jingzhun.spi.policy.EffectivePeriod;
import org.jingzhun.spi.policy.Explanation;
import org.jingzhun.spi.policy.ExplanationPart;
import org.jingzhun.spi.policy.HospitalLevel;
import org.jingzhun.spi.policy.HouseholdFacts;
import org.jingzhun.spi.policy.MedicalExpense;
import org.jingzhun.spi.policy.MedicalKind;
import org.jingzhun.spi.policy.InterestSubsidyRule;
import org.jingzhun.spi.policy.OutputRecord;
import org.jingzhun.spi.policy.PolicyPack;
import org.jingzhun.spi.policy.RegionScope;
import org.jingzhun.spi.policy.VocationalStudent;

/**
 * Example provincial pack for Anhui (安徽省政策包): health "351" out-of-pocket caps by hospital level, "180"
 * chronic-disease outpatient share, microloan interest subsidy (扶贫小额信贷贴息), Yulu vocational-education subsidy
 * (雨露计划) and output awards per mu or head with caps (以奖代补). Only benefit rules: eligibility, exits and
 * monitoring fall back to the national pack. Benefits apply to households counted as poor or in their exit year
 * (NOT_EXITED, PRE_EXIT, RETURNED, EXITED); others get zero with the reason.
 */
public final class AnhuiPolicyPack implements PolicyPack {
    static final String NAME = "anhui";
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private final AnhuiPolicyConfig config;

    public AnhuiPolicyPack(AnhuiPolicyConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RegionScope regionScope() {
        return RegionScope.ofPrefix(config.scopePrefix());
    }

    @Override
    public EffectivePeriod effectivePeriod() {
        return new EffectivePeriod(config.effectiveFrom(), config.effectiveUntil());
    }

    @Override
    public AnhuiPolicyConfig config() {
        return config;
    }

    private static String fen(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static boolean covered(HouseholdFacts f) {
        PovertyStatus s = f.household().status();
        return s.poor() || s == PovertyStatus.EXITED;
    }

    private interface Computation {
        /** Fills inputs and parts and returns the result sentence. */
        String compute(HouseholdFacts f, Map<String, String> inputs, List<ExplanationPart> parts);
    }

    private BenefitRule rule(String policy, String title, Map<String, String> params, Computation c) {
        return new BenefitRule() {
            @Override
            public String policy() {
                return policy;
            }

            @Override
            public String title() {
                return title;
            }

            @Override
            public BenefitAmount compute(HouseholdFacts f) {
                Map<String, String> inputs = new LinkedHashMap<>();
                inputs.put("status", f.household().status().label());
                List<ExplanationPart> parts = new ArrayList<>();
                String result = covered(f) ? c.compute(f, inputs, parts)
                        : "不享受：农户状态为" + f.household().status().label();
                if (!covered(f)) {
                    parts.clear();
                }
                BigDecimal total = parts.stream().map(ExplanationPart::amount).reduce(ZERO, BigDecimal::add);
                return BenefitAmount.ofParts(policy, title, new Explanation(NAME, policy, params, inputs,
                        total.signum() > 0 ? result + "，合计 " + fen(total) + " 元" : result, parts));
            }
        };
    }

    private static <K, V> Map<String, String> describe(Map<K, V> m, Function<K, String> key) {
        Map<String, String> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(key.apply(k), String.valueOf(v)));
        return out;
    }

    @Override
    public List<BenefitRule> benefits() {
        return List.of(health351(), chronic180(), yulu(), outputAwards());
    }

    @Override
    public Optional<InterestSubsidyRule> interestSubsidy() {
        return Optional.of(new AnhuiInterestSubsidy(config));
    }

    /** "351": the government pays what a patient's yearly inpatient out-of-pocket cost exceeds the cap. */
    BenefitRule health351() {
        Map<String, String> params = new LinkedHashMap<>();
        config.outOfPocketCaps().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> params.put("cap." + e.getKey().name(), fen(e.getValue())));
        return rule("anhui.health.351", "健康脱贫“351”兜底", params, (f, inputs, parts) -> {
            Map<CitizenId, BigDecimal> oop = new LinkedHashMap<>();
            Map<CitizenId, HospitalLevel> highest = new LinkedHashMap<>();
            for (MedicalExpense m : f.extra().medical()) {
                if (m.kind() != MedicalKind.INPATIENT) {
                    continue;
                }
                oop.merge(m.patient(), m.outOfPocket(), BigDecimal::add);
                highest.merge(m.patient(), m.level(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
            for (Map.Entry<CitizenId, BigDecimal> e : oop.entrySet()) {
                HospitalLevel level = highest.get(e.getKey());
                BigDecimal cap = config.outOfPocketCaps().getOrDefault(level, BigDecimal.ZERO).setScale(2);
                BigDecimal over = e.getValue().subtract(cap).max(BigDecimal.ZERO);
                inputs.put("outOfPocket." + e.getKey().masked(), fen(e.getValue()) + "（最高 " + level.label() + "）");
                parts.add(new ExplanationPart("患者 " + e.getKey().masked() + " 超出封顶部分", over,
                        "自付 " + fen(e.getValue()) + " − 封顶 " + fen(cap) + " (" + level.label() + ")"));
            }
            return oop.isEmpty() ? "不享受：无住院费用" : "自付超出封顶部分由政府兜底";
        });
    }

    /** "180": pays a share of chronic-disease outpatient cost left after reimbursement. */
    BenefitRule chronic180() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("share", config.chronicOutpatientShare().toPlainString());
        return rule("anhui.health.180", "慢性病门诊“180”补充医疗保障", params, (f, inputs, parts) -> {
            int i = 0;
            for (MedicalExpense m : f.extra().medical()) {
                if (m.kind() != MedicalKind.CHRONIC_OUTPATIENT) {
                    continue;
                }
                i++;
                BigDecimal paid = m.outOfPocket().multiply(config.chronicOutpatientShare())
                        .setScale(2, RoundingMode.HALF_UP);
                inputs.put("chronic." + i, m.patient().masked() + " 自付 " + fen(m.outOfPocket()));
                parts.add(new ExplanationPart("慢性病门诊 " + m.patient().masked(), paid,
                        fen(m.outOfPocket()) + " × " + config.chronicOutpatientShare().toPlainString()));
            }
            return i == 0 ? "不享受：无慢性病门诊费用" : "按比例补助慢性病门诊自付费用";
        });
    }

    /** Yulu plan: an instalment per semester for students at the covered levels. */
    BenefitRule yulu() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("perSemester", fen(config.yuluPerSemester()));
        params.put("levels", config.yuluLevels().stream().map(Enum::name).sorted().toList().toString());
        return rule("anhui.yulu", "雨露计划职业教育补助", params, (f, inputs, parts) -> {
            for (VocationalStudent s : f.extra().students()) {
                inputs.put("student." + s.student().masked(), s.level().label() + "，" + s.semesters() + " 学期");
                if (!config.yuluLevels().contains(s.level())) {
                    continue;
                }
                for (int i = 1; i <= s.semesters(); i++) {
                    parts.add(new ExplanationPart(s.student().masked() + " 第" + i + "学期", config.yuluPerSemester(),
                            s.level().label()));
                }
            }
            return parts.isEmpty() ? (f.extra().students().isEmpty() ? "不享受：无在读学生" : "不享受：无职业教育在读学生")
                    : "每学期发放一次";
        });
    }

    /** Output awards per unit, capped per product and per household. */
    BenefitRule outputAwards() {
        Map<String, String> params = new LinkedHashMap<>(describe(config.outputAwards(), k -> "award." + k));
        params.put("householdCap", fen(config.outputAwardHouseholdCap()));
        return rule("anhui.output-award", "产业发展以奖代补", params, (f, inputs, parts) -> {
            BigDecimal total = ZERO;
            for (OutputRecord o : f.extra().outputs()) {
                AnhuiPolicyConfig.OutputAward a = config.outputAwards().get(o.product());
                inputs.put("output." + o.product(), o.quantity().toPlainString() + " " + o.unit().label());
                if (a == null || a.unit() != o.unit()) {
                    continue;
                }
                BigDecimal raw = o.quantity().multiply(a.perUnit()).setScale(2, RoundingMode.HALF_UP);
                BigDecimal award = raw.min(a.cap().setScale(2));
                parts.add(new ExplanationPart(o.product() + " 奖补", award, o.quantity().toPlainString() + " × "
                        + fen(a.perUnit()) + (raw.compareTo(award) > 0 ? ", 封顶 " + fen(a.cap()) : "")));
                total = total.add(award);
            }
            BigDecimal cap = config.outputAwardHouseholdCap().setScale(2);
            if (total.compareTo(cap) > 0) {
                parts.add(new ExplanationPart("每户封顶扣减", cap.subtract(total), "合计 " + fen(total) + " 超出每户封顶 "
                        + fen(cap)));
            }
            return f.extra().outputs().isEmpty() ? "不享受：无验收产业" : parts.isEmpty() ? "不享受：产业不在奖补目录"
                    : "按单位奖补并封顶";
        });
    }
}

package org.jingzhun.spi.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jingzhun.spi.household.Member;

/**
 * A fixed-amount benefit described in a few lines (定额补贴), for the common local policy "households (or persons) that
 * meet these conditions get this much a year". Each condition has a name, so a household that does not qualify is told
 * which one it failed (不享受原因), and the amount is explained part by part. Bind it to a pack with
 * {@link SimplePolicyPack.Builder#benefit(Benefit)}.
 *
 * <pre>{@code
 * Benefit.perHousehold("county.heating", "冬季取暖补贴", new BigDecimal("300"))
 *         .requires("贫困户", f -> f.household().status().poor())
 *         .requires("有残疾成员", f -> f.household().members().stream().anyMatch(Benefit::disabled));
 * }</pre>
 */
public final class Benefit {
    private final String policy;
    private final String title;
    private final BigDecimal amount;
    private final boolean perPerson;
    private final Map<String, Predicate<HouseholdFacts>> conditions = new LinkedHashMap<>();
    private String personCondition;
    private Predicate<Member> personTest = m -> true;

    private Benefit(String policy, String title, BigDecimal amount, boolean perPerson) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.title = Objects.requireNonNull(title, "title");
        this.amount = Objects.requireNonNull(amount, "amount").setScale(2, RoundingMode.UNNECESSARY);
        this.perPerson = perPerson;
    }

    /** {@code amount} yuan a year for each household meeting every condition. */
    public static Benefit perHousehold(String policy, String title, BigDecimal amount) {
        return new Benefit(policy, title, amount, false);
    }

    /**
     * {@code amount} yuan a year for each member counted by {@code who} (named {@code whom}, e.g. 残疾成员) in a household
     * meeting every condition.
     */
    public static Benefit perPerson(String policy, String title, BigDecimal amount, String whom, Predicate<Member> who) {
        Benefit b = new Benefit(policy, title, amount, true);
        b.personCondition = Objects.requireNonNull(whom, "whom");
        b.personTest = Objects.requireNonNull(who, "who");
        return b;
    }

    /** Adds a household condition; {@code name} is printed when a household fails it. */
    public Benefit requires(String name, Predicate<HouseholdFacts> condition) {
        conditions.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(condition, "condition"));
        return this;
    }

    /** Whether a member is disabled (残疾), the most common person condition of local benefits. */
    public static boolean disabled(Member m) {
        return m.health() == org.jingzhun.spi.household.HealthStatus.DISABLED;
    }

    /** The rule, its explanations naming {@code pack}. */
    BenefitRule bind(String pack) {
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
                return Benefit.this.compute(pack, f);
            }
        };
    }

    private BenefitAmount compute(String pack, HouseholdFacts f) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(perPerson ? "每人金额" : "每户金额", amount.toPlainString());
        params.put("条件", String.join("、", conditions.keySet()) + (perPerson ? "；按" + personCondition + "计" : ""));
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("户编号", String.valueOf(f.household().id()));
        inputs.put("状态", f.household().status().label());
        inputs.put("人口", Integer.toString(f.household().members().size()));
        List<String> failed = new ArrayList<>();
        conditions.forEach((name, test) -> {
            boolean met = test.test(f);
            inputs.put(name, met ? "是" : "否");
            if (!met) {
                failed.add(name);
            }
        });
        List<ExplanationPart> parts = new ArrayList<>();
        if (failed.isEmpty()) {
            if (perPerson) {
                for (Member m : f.household().members()) {
                    if (personTest.test(m)) {
                        parts.add(new ExplanationPart(personCondition + " " + m.name(), amount,
                                amount.toPlainString() + " 元/人"));
                    }
                }
                inputs.put(personCondition, Integer.toString(parts.size()));
            } else {
                parts.add(new ExplanationPart("本户", amount, amount.toPlainString() + " 元/户"));
            }
        }
        String result = !failed.isEmpty() ? "不享受：不满足" + String.join("、", failed)
                : parts.isEmpty() ? "不享受：无" + personCondition : "享受";
        return BenefitAmount.ofParts(policy, title, new Explanation(pack, policy, params, inputs, result, parts));
    }
}

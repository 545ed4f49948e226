package org.jingzhun.testkit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import org.jingzhun.spi.Plugin;
import org.jingzhun.spi.policy.LoanSubsidy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.policy.AreaFacts;
import org.jingzhun.spi.policy.BenefitAmount;
import org.jingzhun.spi.policy.BenefitRule;
import org.jingzhun.spi.policy.Decision;
import org.jingzhun.spi.policy.Explanation;
import org.jingzhun.spi.policy.HouseholdFacts;
import org.jingzhun.spi.policy.MedicalExpense;
import org.jingzhun.spi.policy.MonitoringAssessment;
import org.jingzhun.spi.policy.PolicyPack;
import org.jingzhun.spi.region.RegionCode;
import org.junit.jupiter.api.Test;

/**
 * The contract every policy pack meets (政策包契约测试). A pack's test extends this class and supplies the pack and
 * sample facts inside its scope and period; the suite checks that decisions are deterministic, explanations are
 * complete (pack, rule, inputs, result) and amounts equal the sum of their parts at scale 2, that the pack's region
 * scope and effective period are respected (never a sibling region, never a day outside the period), that its
 * configuration passes Bean Validation, that a pack paying benefits pays a positive amount to at least one sample
 * and gives the reason for every zero, and that its plugin loads the way the host loads it.
 *
 * <p>Loading in a host: the testkit may not depend on {@code jingzhun-core} (plugins never do), so it loads the pack
 * through the SPI as the host does — {@link ServiceLoader} discovery of {@code META-INF/services/org.jingzhun.spi.Plugin},
 * the SPI version check, one plugin per name, unique benefit ids, and every result naming the pack and rule that
 * produced it (the host refuses any other result). What it cannot check is the engine's resolution against other
 * packs; a pack's own test may add {@code jingzhun-core} at test scope for that only in a host project, not here.
 */
public abstract class AbstractPolicyPackContractTest {

    /** A fresh pack, built as the plugin builds it. */
    protected abstract PolicyPack pack();

    /** Households inside the pack's scope, with {@code asOf} inside its period; varied enough to hit every rule. */
    protected abstract List<HouseholdFacts> sampleHouseholds();

    /** Areas inside the scope for the area exit rule; empty when the pack has none. */
    protected List<AreaFacts> sampleAreas() {
        return List.of();
    }

    private static void complete(Explanation e, String pack) {
        assertThat(e.pack()).as("explanation names its pack").isEqualTo(pack);
        assertThat(e.rule()).as("explanation names its rule").isNotBlank();
        assertThat(e.result()).as("explanation states its result").isNotBlank();
        assertThat(e.inputs()).as("explanation " + e.rule() + " lists its inputs").isNotEmpty();
    }

    /** The interest subsidy of every loan of the sample for its calendar year, empty when the pack has no such rule. */
    private static List<LoanSubsidy> subsidies(PolicyPack p, HouseholdFacts f) {
        List<LoanSubsidy> out = new ArrayList<>();
        p.interestSubsidy().ifPresent(r -> f.extra().loans().forEach(l -> out.add(r.subsidy(l,
                LocalDate.of(f.year(), 1, 1), LocalDate.of(f.year() + 1, 1, 1)))));
        return out;
    }

    /** Every benefit amount of the pack for a sample: benefit rules and loans' interest subsidies. */
    private static List<BenefitAmount> amounts(PolicyPack p, HouseholdFacts f) {
        List<BenefitAmount> out = new ArrayList<>();
        for (BenefitRule b : p.benefits()) {
            BenefitAmount a = b.compute(f);
            assertThat(a).as("benefit " + b.policy() + " returns an amount").isNotNull();
            out.add(a);
        }
        subsidies(p, f).forEach(s -> out.add(s.amount()));
        return out;
    }

    /** Every output of every rule of the pack for a household, as comparable values. */
    private static List<Object> outputs(PolicyPack p, HouseholdFacts f) {
        List<Object> out = new ArrayList<>();
        p.eligibility().ifPresent(r -> out.add(r.evaluate(f)));
        p.exclusion().ifPresent(r -> out.add(r.evaluate(f)));
        p.householdExit().ifPresent(r -> out.add(r.evaluate(f)));
        p.monitoring().ifPresent(r -> {
            out.add(r.assess(f));
            out.add(r.riskCleared(f));
        });
        for (BenefitRule b : p.benefits()) {
            out.add(b.compute(f));
        }
        out.addAll(subsidies(p, f));
        return out;
    }

    @Test
    void hasNameScopeAndSamples() {
        PolicyPack p = pack();
        assertThat(p.name()).isNotBlank();
        assertThat(p.regionScope()).isNotNull();
        assertThat(p.effectivePeriod()).isNotNull();
        assertThat(sampleHouseholds()).as("samples").isNotEmpty();
        assertThat(p.benefits().stream().map(BenefitRule::policy).distinct().count())
                .as("benefit policy ids are unique").isEqualTo(p.benefits().size());
    }

    @Test
    void decisionsAreDeterministic() {
        for (HouseholdFacts f : sampleHouseholds()) {
            assertThat(outputs(pack(), f)).isEqualTo(outputs(pack(), f));
        }
        for (AreaFacts a : sampleAreas()) {
            pack().areaExit().ifPresent(r -> assertThat(r.evaluate(a)).isEqualTo(pack().areaExit().get().evaluate(a)));
        }
    }

    @Test
    void explanationsAreComplete() {
        PolicyPack p = pack();
        for (HouseholdFacts f : sampleHouseholds()) {
            for (Object o : outputs(p, f)) {
                if (o instanceof Decision d) {
                    complete(d.explanation(), p.name());
                } else if (o instanceof MonitoringAssessment m) {
                    complete(m.explanation(), p.name());
                } else if (o instanceof BenefitAmount b) {
                    complete(b.explanation(), p.name());
                    assertThat(b.explanation().parameters()).as("benefit " + b.policy() + " parameters").isNotEmpty();
                }
            }
        }
        for (AreaFacts a : sampleAreas()) {
            p.areaExit().ifPresent(r -> complete(r.evaluate(a).explanation(), p.name()));
        }
    }

    @Test
    void amountsEqualTheSumOfTheirParts() {
        for (HouseholdFacts f : sampleHouseholds()) {
            amounts(pack(), f).forEach(AbstractPolicyPackContractTest::checkAmount);
        }
    }

    /** The host validates the pack's configuration at start-up; the pack as built must pass. */
    @Test
    void configurationPassesValidation() {
        Object config = pack().config();
        if (config == null) {
            return;
        }
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Set<ConstraintViolation<Object>> problems = factory.getValidator().validate(config);
            assertThat(problems).as("configuration of pack " + pack().name()).isEmpty();
        }
    }

    /** A pack that pays benefits must pay a positive amount to at least one sample, or it is not tested at all. */
    @Test
    void someSampleReceivesAPositiveAmount() {
        PolicyPack p = pack();
        if (p.benefits().isEmpty() && p.interestSubsidy().isEmpty()) {
            return;
        }
        assertThat(sampleHouseholds().stream().flatMap(f -> amounts(p, f).stream())
                .anyMatch(a -> a.amount().signum() > 0))
                .as("some sample of pack " + p.name() + " receives a positive amount").isTrue();
    }

    /** A zero amount says why the household does not qualify (不享受原因), in words, not only a number. */
    @Test
    void aZeroAmountCarriesAReason() {
        for (HouseholdFacts f : sampleHouseholds()) {
            for (BenefitAmount a : amounts(pack(), f)) {
                if (a.amount().signum() == 0) {
                    assertThat(a.explanation().result()).as(a.policy() + " says why it pays nothing")
                            .isNotBlank().matches(r -> r.codePoints().anyMatch(Character::isLetter),
                                    "has words, not only a number");
                    assertThat(a.explanation().parts()).as(a.policy() + " pays nothing, so has no parts").isEmpty();
                }
            }
        }
    }

    /**
     * The pack loads as the host loads it: its plugin is discoverable through {@link ServiceLoader}, built against this
     * SPI, alone with its name; the pack's benefit ids are unique; and every result names this pack and the rule that
     * produced it (the host marks any other result as failed).
     */
    @Test
    void loadsThroughThePluginSpiAsTheHostDoes() {
        PolicyPack p = pack();
        List<Plugin> all = new ArrayList<>();
        ServiceLoader.load(Plugin.class, Thread.currentThread().getContextClassLoader()).forEach(all::add);
        List<Plugin> mine = all.stream().filter(pl -> pl.policyPacks().stream()
                .anyMatch(x -> x.name().equals(p.name()))).toList();
        assertThat(mine).as("plugins listing pack " + p.name() + " in META-INF/services/org.jingzhun.spi.Plugin")
                .hasSize(1);
        Plugin plugin = mine.get(0);
        assertThat(plugin.spiVersion()).as("plugin " + plugin.name() + " SPI version").isEqualTo(Plugin.SPI_VERSION);
        assertThat(all.stream().filter(pl -> pl.name().equals(plugin.name())).count())
                .as("plugins named " + plugin.name()).isEqualTo(1);
        PolicyPack loaded = plugin.policyPacks().stream().filter(x -> x.name().equals(p.name())).findFirst()
                .orElseThrow();
        assertThat(loaded.benefits().stream().map(BenefitRule::policy).distinct().count())
                .as("benefit ids of pack " + p.name()).isEqualTo(loaded.benefits().size());
        assertThat(loaded.benefits().stream().map(BenefitRule::policy).toList())
                .as("every declared override names a benefit the pack provides").containsAll(loaded.overrides());
        for (HouseholdFacts f : sampleHouseholds()) {
            assertThat(loaded.appliesTo(f.household().region(), f.asOf())).isTrue();
            for (BenefitRule r : loaded.benefits()) {
                BenefitAmount a = r.compute(f);
                assertThat(a).as(r.policy() + " returns an amount").isNotNull();
                assertThat(a.policy()).as("amount names its rule").isEqualTo(r.policy());
                assertThat(a.explanation().pack()).as(r.policy() + " names its pack").isEqualTo(p.name());
            }
            loaded.interestSubsidy().ifPresent(r -> f.extra().loans().forEach(l -> {
                LoanSubsidy s = r.subsidy(l, LocalDate.of(f.year(), 1, 1), LocalDate.of(f.year() + 1, 1, 1));
                assertThat(s).as("interest subsidy returns a result").isNotNull();
                assertThat(s.amount().policy()).isEqualTo(r.policy());
                assertThat(s.amount().explanation().pack()).isEqualTo(p.name());
            }));
        }
    }

    private static void checkAmount(BenefitAmount b) {
        assertThat(b.amount().scale()).isEqualTo(2);
        assertThat(b.amount().signum()).isGreaterThanOrEqualTo(0);
        if (b.amount().signum() > 0) {
            assertThat(b.explanation().parts()).as(b.policy() + " explains a positive amount by parts").isNotEmpty();
        }
        assertThat(b.explanation().partsTotal()).as(b.policy() + " parts add up").isEqualByComparingTo(b.amount());
    }

    /** Amounts still add up when a sample's income and medical costs are scaled by any factor. */
    @Property(tries = 200)
    void partsSumToTheAmountForVariedFacts(@ForAll("sampleIndex") int index,
            @ForAll @IntRange(min = 0, max = 400) int percent) {
        HouseholdFacts f = scaled(sampleHouseholds().get(index), BigDecimal.valueOf(percent, 2));
        amounts(pack(), f).forEach(AbstractPolicyPackContractTest::checkAmount);
        assertThat(outputs(pack(), f)).isEqualTo(outputs(pack(), f));
    }

    @Provide
    Arbitrary<Integer> sampleIndex() {
        return Arbitraries.integers().between(0, sampleHouseholds().size() - 1);
    }

    private static HouseholdFacts scaled(HouseholdFacts f, BigDecimal factor) {
        IncomeStatement income = f.income();
        if (income != null) {
            Map<IncomeItem, BigDecimal> items = new EnumMap<>(IncomeItem.class);
            income.items().forEach((k, v) -> items.put(k, v.multiply(factor).setScale(2, RoundingMode.HALF_UP)));
            income = new IncomeStatement(income.householdId(), income.year(), items,
                    income.productionCosts().multiply(factor).setScale(2, RoundingMode.HALF_UP),
                    income.householdSize(), income.version());
        }
        List<MedicalExpense> medical = f.extra().medical().stream().map(m -> new MedicalExpense(m.patient(),
                m.kind(), m.level(), m.totalCost().multiply(factor).setScale(2, RoundingMode.HALF_UP),
                m.reimbursed().multiply(factor).setScale(2, RoundingMode.HALF_UP))).toList();
        return new HouseholdFacts(f.household(), f.year(), income, f.extra().withMedical(medical), f.asOf());
    }

    /** The pack applies to its samples, never to a sibling area differing in the scope's last digit. */
    @Property(tries = 100)
    void neverAppliesToASiblingRegion(@ForAll("sampleIndex") int index,
            @ForAll @IntRange(min = 1, max = 9) int digit) {
        PolicyPack p = pack();
        HouseholdFacts f = sampleHouseholds().get(index);
        RegionCode region = f.household().region();
        assertThat(p.appliesTo(region, f.asOf())).as("sample inside scope and period").isTrue();
        int at = p.regionScope().specificity() - 1;
        if (at < 0) {
            return; // a national pack has no sibling
        }
        char original = region.value().charAt(at);
        if (original == (char) ('0' + digit)) {
            return;
        }
        String v = region.value();
        RegionCode sibling;
        try {
            sibling = new RegionCode(v.substring(0, at) + digit + v.substring(at + 1));
        } catch (IllegalArgumentException e) {
            return;
        }
        assertThat(p.appliesTo(sibling, f.asOf())).as("sibling " + sibling).isFalse();
    }

    @Test
    void effectivePeriodIsRespected() {
        PolicyPack p = pack();
        HouseholdFacts f = sampleHouseholds().get(0);
        RegionCode region = f.household().region();
        assertThat(p.appliesTo(region, p.effectivePeriod().from())).isTrue();
        assertThat(p.appliesTo(region, p.effectivePeriod().from().minusDays(1))).isFalse();
        if (p.effectivePeriod().until() != null) {
            assertThat(p.appliesTo(region, p.effectivePeriod().until())).isTrue();
            assertThat(p.appliesTo(region, p.effectivePeriod().until().plusDays(1))).isFalse();
        }
    }
}

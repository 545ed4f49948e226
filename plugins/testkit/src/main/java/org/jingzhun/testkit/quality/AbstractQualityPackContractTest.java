package org.jingzhun.testkit.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jingzhun.spi.error.ConfigurationException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.quality.Finding;
import org.jingzhun.spi.quality.QualityFacts;
import org.jingzhun.spi.quality.QualityIndex;
import org.jingzhun.spi.quality.QualityPack;
import org.jingzhun.spi.quality.QualityPackConfig;
import org.jingzhun.spi.quality.QualityParameter;
import org.jingzhun.spi.quality.QualityRule;
import org.jingzhun.spi.quality.QualityRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every data-quality pack meets (数据质量规则包契约测试). A pack's test extends this class and supplies the
 * pack, a clean household and one {@link QualityFixture} per rule. The suite checks that the clean household trips
 * nothing, that every rule has a fixture, that each fixture trips its rule (and its near miss does not), that every
 * finding names its record and field and renders a complete message in zh-CN and en, and that the configuration
 * switches rules off and refuses unknown or out-of-bounds parameters.
 */
public abstract class AbstractQualityPackContractTest {

    /** The pack with its shipped configuration. */
    protected abstract QualityPack pack();

    /** The pack built with another configuration, as the plugin's factory builds it. */
    protected abstract QualityPack pack(QualityPackConfig config);

    /** Facts of a household that trips no rule of the pack. */
    protected abstract QualityFacts clean();

    /** A fixture for every rule, keyed by rule code. */
    protected abstract Map<String, QualityFixture> fixtures();

    /** The findings of {@code pack} on {@code facts}, with the set-level index built over facts and batch. */
    protected static List<Finding> check(QualityPack pack, QualityFacts facts, List<Household> batch) {
        QualityIndex.Builder ix = QualityIndex.builder();
        for (Household h : batch) {
            ix.add(h, pack.indexes());
        }
        ix.add(facts.household(), pack.indexes());
        return pack.check(facts.withIndex(ix.build()));
    }

    /** A finding's message rendered as a host would: arguments, parameters, quoted value and member name. */
    protected static String render(QualityPack pack, Finding f, String template) {
        Map<String, String> args = new HashMap<>(pack.values().asText());
        args.putAll(f.args());
        if (f.value() != null) {
            args.put("value", f.value().text());
        }
        if (f.memberName() != null) {
            args.put("name", f.memberName());
        }
        return QualityRules.render(template, args);
    }

    @Test
    void cleanHouseholdTripsNothing() {
        assertThat(check(pack(), clean(), List.of())).as("findings on the clean household").isEmpty();
    }

    @Test
    void everyRuleHasAFixtureAndCompleteTexts() {
        QualityPack p = pack();
        assertThat(p.name()).isNotBlank();
        assertThat(fixtures().keySet()).as("rules with a fixture")
                .containsExactlyInAnyOrderElementsOf(p.rules().stream().map(QualityRule::code).toList());
        for (QualityRule r : p.rules()) {
            assertThat(List.of(r.messageZh(), r.messageEn(), r.fixZh(), r.fixEn())).as("texts of " + r.code())
                    .allSatisfy(t -> assertThat(t).isNotBlank());
            assertThat(r.messageZh().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN)).as("zh message of " + r.code() + " is Chinese").isTrue();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachFixtureTripsItsRule() {
        QualityPack p = pack();
        List<DynamicTest> tests = new ArrayList<>();
        for (QualityRule rule : p.rules()) {
            QualityFixture fx = fixtures().get(rule.code());
            tests.add(DynamicTest.dynamicTest(rule.code(), () -> {
                assertThat(fx).as("fixture of " + rule.code()).isNotNull();
                List<Finding> found = check(p, fx.trips(), fx.batch()).stream()
                        .filter(f -> f.rule().equals(rule.code())).toList();
                assertThat(found).as(rule.code() + " trips on its fixture").isNotEmpty();
                for (Finding f : found) {
                    assertThat(f.failed()).as("rule failed: " + f.args()).isFalse();
                    assertThat(f.pack()).isEqualTo(p.name());
                    assertThat(f.record()).isNotNull();
                    assertThat(f.recordRef()).isNotBlank();
                    assertThat(f.field()).isNotBlank();
                    assertThat(f.householdId()).isEqualTo(fx.trips().household().id());
                    for (String template : List.of(rule.messageZh(), rule.messageEn(), rule.fixZh(), rule.fixEn())) {
                        assertThat(render(p, f, template)).as("rendered " + rule.code()).doesNotContain("{", "}");
                    }
                }
                QualityFacts passes = fx.passes() == null ? clean() : fx.passes();
                assertThat(check(p, passes, fx.batch()).stream().filter(f -> f.rule().equals(rule.code())))
                        .as(rule.code() + " stays quiet on the near miss").isEmpty();
                assertThat(check(p, fx.trips(), fx.batch())).as("deterministic").isEqualTo(check(p, fx.trips(),
                        fx.batch()));
            }));
        }
        return tests.stream();
    }

    @Test
    void configurationSwitchesRulesOffAndReGradesThem() {
        QualityRule first = pack().rules().get(0);
        QualityFixture fx = fixtures().get(first.code());
        QualityPack off = pack(QualityPackConfig.defaults().withDisabled(first.code()));
        assertThat(check(off, fx.trips(), fx.batch())).noneMatch(f -> f.rule().equals(first.code()));
        assertThat(off.enabledRules()).hasSize(pack().rules().size() - 1);
        assertThat(off.config().disabled()).containsExactly(first.code());
        org.jingzhun.spi.quality.Severity other = first.severity() == org.jingzhun.spi.quality.Severity.INFO
                ? org.jingzhun.spi.quality.Severity.ERROR : org.jingzhun.spi.quality.Severity.INFO;
        QualityPack regraded = pack(QualityPackConfig.defaults().withSeverity(first.code(), other));
        assertThat(check(regraded, fx.trips(), fx.batch())).filteredOn(f -> f.rule().equals(first.code()))
                .isNotEmpty().allMatch(f -> f.severity() == other);
    }

    @Test
    void configurationRefusesUnknownAndOutOfBoundsValues() {
        assertThatThrownBy(() -> pack(QualityPackConfig.defaults().withParameter("noSuchParameter", "1")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("noSuchParameter");
        assertThatThrownBy(() -> pack(QualityPackConfig.defaults().withDisabled("NO-SUCH-RULE")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("NO-SUCH-RULE");
        for (QualityParameter param : pack().parameters()) {
            String bad = param.type() == QualityParameter.Type.BOOLEAN ? "perhaps"
                    : param.max() != null ? new java.math.BigDecimal(param.max()).add(java.math.BigDecimal.ONE)
                    .toPlainString() : "x";
            assertThatThrownBy(() -> pack(QualityPackConfig.defaults().withParameter(param.name(), bad)))
                    .as("parameter " + param.name() + "=" + bad)
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining(param.name());
        }
    }
}

package org.jingzhun.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.spi.Plugin;
import org.jingzhun.spi.error.ConfigurationException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.policy.Benefit;
import org.jingzhun.spi.policy.BenefitAmount;
import org.jingzhun.spi.policy.BenefitRule;
import org.jingzhun.spi.policy.EffectivePeriod;
import org.jingzhun.spi.policy.EligibilityRule;
import org.jingzhun.spi.policy.Explanation;
import org.jingzhun.spi.policy.HouseholdFacts;
import org.jingzhun.spi.policy.PolicyPack;
import org.jingzhun.spi.policy.RegionScope;
import org.jingzhun.spi.policy.SimplePolicyPack;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.storage.memory.MemoryStoragePlugin;
import org.junit.jupiter.api.Test;

/**
 * The engine contains faults of plugin rules (a rule that throws, returns null or claims another source), checks
 * overlaps per rule kind and policy id, requires declared overrides, and refuses a plugin registered twice.
 */
class PolicyEngineFaultTest {
    private static final RegionCode VILLAGE = RegionCode.of("341702100201");
    private static final EffectivePeriod FROM_2014 = EffectivePeriod.from(LocalDate.of(2014, 1, 1));
    private static final RegionScope COUNTY = RegionScope.ofPrefix("341702");

    private static HouseholdFacts facts() {
        String first17 = "341702196503020" + "05";
        Household h = Household.builder().id("341702-00000007").region(VILLAGE).mainCause(PovertyCause.ILLNESS)
                .members(List.of(Member.of("张大山", CitizenId.parse(first17 + CitizenId.checkCharacter(first17)),
                        Relationship.HEAD)))
                .build();
        return HouseholdFacts.of(h, 2016, null, null);
    }

    private static BenefitRule rule(String policy, java.util.function.Function<HouseholdFacts, BenefitAmount> f) {
        return new BenefitRule() {
            @Override
            public String policy() {
                return policy;
            }

            @Override
            public String title() {
                return "测试 " + policy;
            }

            @Override
            public BenefitAmount compute(HouseholdFacts facts) {
                return f.apply(facts);
            }
        };
    }

    private static Explanation ex(String pack, String rule) {
        return new Explanation(pack, rule, Map.of("p", "1"), Map.of("i", "1"), "享受", null);
    }

    private static PolicyPack faultyPack() {
        return SimplePolicyPack.builder("faulty", COUNTY, FROM_2014)
                .benefit(Benefit.perHousehold("county.ok", "正常补贴", new BigDecimal("100")))
                .benefit(rule("county.throws", f -> {
                    throw new IllegalStateException("boom");
                }))
                .benefit(rule("county.null", f -> null))
                .benefit(rule("county.claims-other-pack", f -> new BenefitAmount("county.claims-other-pack", "x",
                        BigDecimal.ZERO, ex("anhui", "county.claims-other-pack"))))
                .benefit(rule("county.claims-other-policy", f -> new BenefitAmount("anhui.yulu", "x",
                        BigDecimal.ZERO, ex("faulty", "anhui.yulu"))))
                .build();
    }

    @Test
    void aFailingRuleIsReportedByPluginPackRuleAndHouseholdAndTheOtherLinesStay() {
        PolicyEngine engine = new PolicyEngine(List.of(faultyPack()), p -> "county-plugin", c -> List.of());

        List<BenefitLine> lines = engine.benefits(facts());

        assertThat(lines).extracting(BenefitLine::policy).containsExactly("county.ok", "county.throws", "county.null",
                "county.claims-other-pack", "county.claims-other-policy");
        assertThat(lines.get(0).failed()).isFalse();
        assertThat(lines.get(0).value()).isEqualByComparingTo("100.00");
        assertThat(lines.subList(1, 5)).allMatch(BenefitLine::failed);
        RuleFailure thrown = lines.get(1).failure();
        assertThat(thrown).isEqualTo(new RuleFailure("county-plugin", "faulty", "county.throws", "341702-00000007",
                "policy.rule_failed", "java.lang.IllegalStateException: boom"));
        assertThat(thrown.toException().messageZh())
                .isEqualTo("插件 county-plugin 的政策包“faulty”中规则 county.throws 对 341702-00000007 执行失败："
                        + "java.lang.IllegalStateException: boom");
        assertThat(lines.get(2).failure().code()).isEqualTo("policy.rule_null");
        assertThat(lines.get(3).failure().code()).isEqualTo("policy.rule_mismatch");
        assertThat(lines.get(3).failure().detail()).isEqualTo("anhui / county.claims-other-pack");
        assertThat(lines.get(4).failure().code()).isEqualTo("policy.rule_mismatch");
        assertThat(lines.get(4).failure().detail()).isEqualTo("faulty / anhui.yulu");
        assertThat(lines.get(1).value()).isEqualByComparingTo("0");
    }

    @Test
    void bulkEvaluationGoesPastFailuresAndReportsEach() {
        PolicyEngine engine = new PolicyEngine(List.of(faultyPack()), p -> "county-plugin", c -> List.of());
        HouseholdFacts a = facts();
        HouseholdFacts b = new HouseholdFacts(a.household().toBuilder().id("341702-00000008").build(), 2016, null,
                null, a.asOf());

        BulkBenefits bulk = engine.benefitsAll(List.of(a, b));

        assertThat(bulk.byHousehold()).containsOnlyKeys("341702-00000007", "341702-00000008");
        assertThat(bulk.byHousehold().get("341702-00000008").get(0).value()).isEqualByComparingTo("100.00");
        assertThat(bulk.failures()).hasSize(8).extracting(RuleFailure::householdId)
                .containsOnly("341702-00000007", "341702-00000008");
    }

    @Test
    void aDecisionRuleThatFailsThrowsNamingItsSource() {
        PolicyPack broken = new PolicyPack() {
            @Override
            public String name() {
                return "broken-eligibility";
            }

            @Override
            public RegionScope regionScope() {
                return COUNTY;
            }

            @Override
            public EffectivePeriod effectivePeriod() {
                return FROM_2014;
            }

            @Override
            public Optional<EligibilityRule> eligibility() {
                return Optional.of(f -> null);
            }
        };
        PolicyEngine engine = new PolicyEngine(List.of(broken), c -> List.of());
        assertThat(engine.pluginOf(broken)).isEqualTo(PolicyEngine.HOST);
        assertThatThrownBy(() -> engine.eligibility(facts())).isInstanceOf(PolicyRuleException.class)
                .satisfies(e -> assertThat(((PolicyRuleException) e).failure()).isEqualTo(new RuleFailure("host",
                        "broken-eligibility", "ELIGIBILITY", "341702-00000007", "policy.rule_null", "")))
                .hasMessage("rule ELIGIBILITY of policy pack 'broken-eligibility' (plugin host) returned no result "
                        + "for 341702-00000007");
    }

    private static SimplePolicyPack.Builder pack(String name, RegionScope scope) {
        return SimplePolicyPack.builder(name, scope, FROM_2014);
    }

    @Test
    void overlapIsCheckedPerRuleKindAndPolicyIdNotPerPack() {
        PolicyPack heating = pack("heating", COUNTY).benefit(Benefit.perHousehold("county.heating", "取暖",
                BigDecimal.TEN)).build();
        PolicyPack water = pack("water", COUNTY).benefit(Benefit.perHousehold("county.water", "饮水",
                BigDecimal.ONE)).build();
        PolicyEngine engine = new PolicyEngine(List.of(heating, water), c -> List.of());
        assertThat(engine.benefitRules(VILLAGE, LocalDate.of(2016, 1, 1))).extracting(BenefitRule::policy)
                .containsExactlyInAnyOrder("county.heating", "county.water");

        PolicyPack heatingAgain = pack("heating-2", COUNTY).benefit(Benefit.perHousehold("county.heating", "取暖",
                BigDecimal.ONE)).build();
        assertThatThrownBy(() -> new PolicyEngine(List.of(heating, heatingAgain), c -> List.of()))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).code()).isEqualTo("config.policy_overlap"))
                .hasMessageContaining("[county.heating]");
        assertThatThrownBy(() -> new PolicyEngine(List.of(pack("twice", COUNTY)
                .benefit(Benefit.perHousehold("a", "甲", BigDecimal.ONE))
                .benefit(Benefit.perHousehold("a", "甲", BigDecimal.ONE)).build()), c -> List.of()))
                .hasMessage("policy pack 'twice' provides benefit a twice");
        assertThatThrownBy(() -> new PolicyEngine(List.of(heating, pack("heating", RegionScope.ofPrefix("34"))
                .build()), c -> List.of())).hasMessage("two policy packs are named 'heating'");
    }

    @Test
    void aNarrowerPackReplacingABroaderBenefitMustDeclareIt() {
        PolicyPack county = pack("county", COUNTY).benefit(Benefit.perHousehold("county.heating", "取暖",
                BigDecimal.TEN)).build();
        RegionScope township = RegionScope.ofPrefix("341702100");
        PolicyPack silent = pack("township", township).benefit(Benefit.perHousehold("county.heating", "取暖",
                new BigDecimal("20"))).build();
        assertThatThrownBy(() -> new PolicyEngine(List.of(county, silent), c -> List.of()))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).messageZh())
                        .isEqualTo("政策包“township”替换了上级政策包“county”的政策 [county.heating]，但未声明覆盖"));

        PolicyPack declared = pack("township", township).overrides("county.heating")
                .benefit(Benefit.perHousehold("county.heating", "取暖", new BigDecimal("20"))).build();
        PolicyEngine engine = new PolicyEngine(List.of(county, declared), c -> List.of());
        assertThat(engine.benefits(facts())).singleElement()
                .satisfies(l -> assertThat(l.value()).isEqualByComparingTo("20.00"))
                .satisfies(l -> assertThat(l.pack()).isEqualTo("township"));
    }

    @Test
    void explanationsKeepADefinedOrder() {
        Map<String, String> unordered = Map.of("z", "1", "a", "2", "m", "3", "b", "4");
        Explanation e = new Explanation("p", "r", unordered, unordered, "ok", null);
        assertThat(new ArrayList<>(e.parameters().keySet())).containsExactly("a", "b", "m", "z");
        java.util.LinkedHashMap<String, String> given = new java.util.LinkedHashMap<>();
        given.put("z", "1");
        given.put("a", "2");
        assertThat(new ArrayList<>(new Explanation("p", "r", given, null, "ok", null).parameters().keySet()))
                .containsExactly("z", "a");
    }

    @Test
    void aPluginRegisteredTwiceIsRefusedEvenWhenDiscoveredAndExplicit() {
        assertThatThrownBy(() -> Jingzhun.builder().discoverPlugins().plugin(new MemoryStoragePlugin())
                .storage("memory").build()).isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).code()).isEqualTo("config.duplicate_plugin"))
                .satisfies(e -> assertThat(((ConfigurationException) e).messageZh())
                        .isEqualTo("有两个插件同名“storage-memory”（重复注册，例如既自动发现又显式注册）"));
    }

    @Test
    void packsOfPluginsAreReportedUnderThePluginsName() {
        Plugin county = new Plugin() {
            @Override
            public String name() {
                return "county-heating-plugin";
            }

            @Override
            public int spiVersion() {
                return Plugin.SPI_VERSION;
            }

            @Override
            public List<PolicyPack> policyPacks() {
                return List.of(faultyPack());
            }
        };
        try (Jingzhun jz = Jingzhun.builder().plugin(new MemoryStoragePlugin()).plugin(county).storage("memory")
                .build()) {
            List<BenefitLine> lines = jz.policies().engine().benefits(facts());
            assertThat(lines.get(1).failure().plugin()).isEqualTo("county-heating-plugin");
            assertThat(jz.policies().engine().pluginOf(jz.policies().engine().packs().get(0)))
                    .isEqualTo("county-heating-plugin");
        }
    }

    /** Every zh-CN message is Chinese: no English word of two letters or more outside placeholders and codes. */
    @Test
    void zhMessagesAreChinese() throws Exception {
        Properties zh = new Properties();
        try (var in = getClass().getResourceAsStream("/org/jingzhun/spi/error/messages_zh_CN.properties")) {
            zh.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Pattern english = Pattern.compile("[A-Za-z]{2,}");
        List<String> offenders = new ArrayList<>();
        for (String key : zh.stringPropertyNames()) {
            // SPI, ID, file formats and encodings (UTF-8, GB18030) are names, not English prose.
            String text = zh.getProperty(key).replaceAll("\\b(SPI|ID|JSON|CSV|xlsx|UTF)\\b|GB(?=\\d)", "");
            Matcher m = english.matcher(text);
            if (m.find()) {
                offenders.add(key + "=" + zh.getProperty(key));
            }
        }
        assertThat(offenders).isEmpty();
        assertThat(new ConfigurationException("config.duplicate_extension", "exchange format", "csv").messageZh())
                .isEqualTo("有两个同类扩展同名“csv”");
    }
}

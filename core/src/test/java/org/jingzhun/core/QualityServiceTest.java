package org.jingzhun.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jingzhun.core.quality.QualityAcceptance;
import org.jingzhun.core.quality.QualityFinding;
import org.jingzhun.core.quality.QualityListener;
import org.jingzhun.core.quality.QualityReport;
import org.jingzhun.core.quality.QualityScan;
import org.jingzhun.spi.Plugin;
import org.jingzhun.spi.PluginContext;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.AccessDeniedException;
import org.jingzhun.spi.error.ConfigurationException;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.pairing.Cadre;
import org.jingzhun.spi.pairing.CadreRole;
import org.jingzhun.spi.policy.RegionScope;
import org.jingzhun.spi.quality.MonitoringFact;
import org.jingzhun.spi.quality.QualityPack;
import org.jingzhun.spi.quality.QualityPackConfig;
import org.jingzhun.spi.quality.QualityPackFactory;
import org.jingzhun.spi.quality.QualityParameter;
import org.jingzhun.spi.quality.QualityRules;
import org.jingzhun.spi.quality.RecordKind;
import org.jingzhun.spi.quality.Sensitivity;
import org.jingzhun.spi.quality.Severity;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.storage.memory.MemoryStoragePlugin;
import org.junit.jupiter.api.Test;

/**
 * {@code jz.quality()} over memory storage with a small test pack: findings stream with masked quoted values, the
 * scan is narrowed to the reader's scope, accepted findings stay away until the data changes, fix lists group by
 * township and village, monitoring-free pairing and income facts reach the rules, and cancellation stops the scan.
 */
class QualityServiceTest {
    private static final int YEAR = 2020;
    private static final String PHONE = "13905661234";
    private static final String BANK = "6230901234567890123";

    /** A test pack: the household phone and bank account quoted, the head's ID quoted, unpaired and no income. */
    static final class TestQualityPlugin implements Plugin {
        @Override
        public String name() {
            return "quality-test";
        }

        @Override
        public int spiVersion() {
            return Plugin.SPI_VERSION;
        }

        @Override
        public List<QualityPackFactory<?>> qualityPacks() {
            return List.of(new QualityPackFactory<QualityPackConfig>() {
                @Override
                public String name() {
                    return "test";
                }

                @Override
                public Class<QualityPackConfig> configType() {
                    return QualityPackConfig.class;
                }

                @Override
                public QualityPack create(QualityPackConfig config, PluginContext context) {
                    return pack(config);
                }
            });
        }

        static final org.jingzhun.spi.quality.SetIndex SAME_ADDRESS = new org.jingzhun.spi.quality.SetIndex(
                "address", h -> h.address() == null ? List.of() : List.of(h.address()));

        static QualityPack pack(QualityPackConfig config) {
            return QualityPack.of("test", RegionScope.national(), List.of(
                    QualityParameter.integer("bornBefore", 1970, 1900, 2100, "户主出生年份下限", "head born before")),
                    List.of(
                            QualityRules.rule("T-PHONE", Severity.WARNING, RecordKind.HOUSEHOLD)
                                    .quotes(Sensitivity.PHONE).message("电话{value}待核实", "phone {value} to check")
                                    .fix("核实", "check")
                                    .household("phone", Household::phone, (f, p) -> f.household().phone() != null),
                            QualityRules.rule("T-BANK", Severity.INFO, RecordKind.HOUSEHOLD)
                                    .quotes(Sensitivity.BANK_ACCOUNT).message("账号{value}待核实", "account {value}")
                                    .fix("核实", "check").household("bankAccount", Household::bankAccount,
                                            (f, p) -> f.household().bankAccount() != null),
                            QualityRules.rule("T-HEAD", Severity.ERROR, RecordKind.MEMBER)
                                    .quotes(Sensitivity.CITIZEN_ID).uses("bornBefore")
                                    .message("户主{name}({value})生于{bornBefore}年前", "head {name} ({value}) born "
                                            + "before {bornBefore}").fix("核实", "check")
                                    .member("citizenId", m -> m.citizenId().value(), (f, m, p) -> m.relationship()
                                            == org.jingzhun.spi.household.Relationship.HEAD
                                            && m.birthDate().getYear() < p.integer("bornBefore")),
                            QualityRules.rule("T-PAIR", Severity.ERROR, RecordKind.PAIRING).message("无帮扶干部",
                                    "no cadre").fix("结对", "pair").household("pairing", h -> null,
                                            (f, p) -> !f.paired()),
                            QualityRules.rule("T-INCOME", Severity.WARNING, RecordKind.INCOME).message("无收入",
                                    "no income").fix("采集", "collect").household("income", h -> null,
                                            (f, p) -> f.income() == null),
                            QualityRules.rule("T-ADDR", Severity.INFO, RecordKind.HOUSEHOLD)
                                    .quotes(Sensitivity.ADDRESS).message("住址{value}", "address {value}")
                                    .fix("核实", "check").household("address", Household::address,
                                            (f, p) -> f.household().address() != null),
                            QualityRules.rule("T-HEALTH", Severity.INFO, RecordKind.MEMBER)
                                    .quotes(Sensitivity.HEALTH).message("{name}健康状况{value}", "{name}: {value}")
                                    .fix("核实", "check").member("health", m -> m.health(), (f, m, p) -> m.health()
                                            != org.jingzhun.spi.household.HealthStatus.HEALTHY),
                            QualityRules.rule("T-SAME-ADDR", Severity.WARNING, RecordKind.HOUSEHOLD)
                                    .quotes(Sensitivity.ADDRESS).index(SAME_ADDRESS)
                                    .message("住址{value}与{others}相同", "address {value} also used by {others}")
                                    .fix("核实", "check").check((f, p, out) -> {
                                        if (f.household().address() == null) {
                                            return;
                                        }
                                        List<String> others = f.index().holders(SAME_ADDRESS.name(),
                                                f.household().address()).stream()
                                                .filter(id -> !id.equals(f.household().id())).toList();
                                        if (!others.isEmpty()) {
                                            out.household("address", f.household().address(),
                                                    Map.of("others", String.join(",", others)));
                                        }
                                    }),
                            QualityRules.rule("T-MON", Severity.INFO, RecordKind.MONITORING)
                                    .message("自{value}起监测", "monitored since {value}").fix("跟进", "follow up")
                                    .monitoring("identifiedOn", MonitoringFact::identifiedOn, (f, m, p) -> !m.cleared()
                                            && m.category() != null)), config);
        }
    }

    private final Principal officer = Fixtures.COUNTY_OFFICER;
    private final Principal viewer = new Principal("viewer", "查看员", Fixtures.COUNTY, EnumSet.of(Permission.READ));

    private Jingzhun newJingzhun(Map<String, ?> config) {
        Jingzhun jz = Jingzhun.builder().plugin(new MemoryStoragePlugin()).plugin(new TestQualityPlugin())
                .storage("memory").qualityPack("test", config).build();
        jz.regions().define(officer, List.of(
                new Region(Fixtures.COUNTY, "贵池区", 537_000, false),
                new Region(Fixtures.TOWN_A, "梅街镇", 30_000, false),
                new Region(Fixtures.TOWN_B, "棠溪镇", 20_000, false),
                new Region(Fixtures.VILLAGE_A1, "刘街村", 2_400, true),
                new Region(Fixtures.VILLAGE_A2, "源溪村", 1_900, false),
                new Region(Fixtures.VILLAGE_B1, "石门村", 2_100, true)), "regions");
        return jz;
    }

    private Household register(Jingzhun jz, RegionCode village, int seq) {
        Household h = Fixtures.household(village, seq, 2).toBuilder().phone(PHONE).bank("农商行", BANK).build();
        return jz.registry().register(officer, h, "baseline");
    }

    private static List<QualityFinding> scan(Jingzhun jz, Principal p, RegionCode area) {
        List<QualityFinding> out = new ArrayList<>();
        jz.quality().scan(p, area, YEAR, out::add);
        return out;
    }

    @Test
    void findingsQuoteValuesMaskedForReadersWithoutPersonalDataRights() throws Exception {
        try (Jingzhun jz = newJingzhun(Map.of())) {
            Household h = register(jz, Fixtures.VILLAGE_A1, 10);
            String headId = h.head().orElseThrow().citizenId().value();

            List<QualityFinding> full = scan(jz, officer, Fixtures.COUNTY);
            assertThat(full).extracting(QualityFinding::rule)
                    .containsExactlyInAnyOrder("T-PHONE", "T-BANK", "T-HEAD", "T-PAIR", "T-INCOME");
            assertThat(full).filteredOn(f -> f.rule().equals("T-PHONE")).singleElement()
                    .satisfies(f -> assertThat(f.messageZh()).isEqualTo("电话" + PHONE + "待核实"));

            List<QualityFinding> masked = scan(jz, viewer, Fixtures.COUNTY);
            String json = jz.json().writeValueAsString(masked);
            assertThat(json).doesNotContain(PHONE, BANK, headId).contains("139****1234", "623************0123",
                    headId.substring(0, 6) + "********" + headId.substring(14));
            QualityFinding head = masked.stream().filter(f -> f.rule().equals("T-HEAD")).findFirst().orElseThrow();
            assertThat(head.record()).isEqualTo(RecordKind.MEMBER);
            assertThat(head.recordRef()).isEqualTo("members[0]");
            assertThat(head.field()).isEqualTo("citizenId");
            assertThat(head.messageEn()).startsWith("head " + h.head().orElseThrow().name() + " (341702")
                    .endsWith("born before 1970");
        }
    }

    @Test
    void unmaskedScansAreRecordedAsPersonalDataReads() {
        try (Jingzhun jz = newJingzhun(Map.of())) {
            register(jz, Fixtures.VILLAGE_A1, 10);
            scan(jz, viewer, Fixtures.COUNTY);
            // Masked, so reading the log is not itself recorded as a read of personal data.
            Principal auditor = new Principal("auditor", "审计员", Fixtures.COUNTY,
                    EnumSet.of(Permission.READ, Permission.AUDIT));
            org.jingzhun.spi.audit.AuditQuery reads = new org.jingzhun.spi.audit.AuditQuery("341702", null, null,
                    null, "disclosure", null, null, 100);
            long before = jz.audit().entries(auditor, reads).items().size();
            scan(jz, officer, Fixtures.COUNTY);
            long after = jz.audit().entries(auditor, reads).items().size();
            assertThat(after).isEqualTo(before + 1);
        }
    }

    @Test
    void scanIsNarrowedToTheReadersScope() {
        try (Jingzhun jz = newJingzhun(Map.of())) {
            Household a = register(jz, Fixtures.VILLAGE_A1, 10);
            Household b = register(jz, Fixtures.VILLAGE_B1, 20);
            Principal clerk = Principal.officer("clerk-a", Fixtures.TOWN_A);
            List<QualityFinding> found = new ArrayList<>();
            QualityScan scan = jz.quality().scan(clerk, Fixtures.COUNTY, YEAR, found::add);
            assertThat(scan.area()).isEqualTo(Fixtures.TOWN_A);
            assertThat(scan.households()).isEqualTo(1);
            assertThat(found).extracting(QualityFinding::householdId).containsOnly(a.id()).doesNotContain(b.id());
            assertThatThrownBy(() -> scan(jz, clerk, Fixtures.TOWN_B)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void anAcceptedFindingStaysAwayUntilTheDataChanges() {
        try (Jingzhun jz = newJingzhun(Map.of())) {
            Household h = register(jz, Fixtures.VILLAGE_A1, 10);
            QualityFinding phone = scan(jz, viewer, Fixtures.COUNTY).stream()
                    .filter(f -> f.rule().equals("T-PHONE")).findFirst().orElseThrow();
            assertThatThrownBy(() -> jz.quality().accept(officer, phone, " "))
                    .isInstanceOf(WorkflowException.class);
            assertThatThrownBy(() -> jz.quality().accept(viewer, phone, "号码已核实"))
                    .isInstanceOf(AccessDeniedException.class);

            QualityAcceptance a = jz.quality().accept(officer, phone, "号码已核实,为户主本人");
            assertThat(a.householdId()).isEqualTo(h.id());
            assertThat(jz.quality().acceptances(viewer, Fixtures.COUNTY)).containsExactly(a);
            assertThat(jz.registry().history(officer, h.id()))
                    .anyMatch(e -> e.action().equals("quality-accept") && e.reason().equals("号码已核实,为户主本人"));

            List<QualityFinding> again = new ArrayList<>();
            QualityScan scan = jz.quality().scan(officer, Fixtures.COUNTY, YEAR, again::add);
            assertThat(again).noneMatch(f -> f.rule().equals("T-PHONE"));
            assertThat(scan.accepted()).isEqualTo(1);

            jz.registry().amend(officer, jz.registry().get(officer, h.id()).toBuilder().phone("13905660000").build(),
                    "新号码");
            assertThat(scan(jz, officer, Fixtures.COUNTY)).anyMatch(f -> f.rule().equals("T-PHONE"));
        }
    }

    @Test
    void pairingAndIncomeRecordsReachTheRules() {
        try (Jingzhun jz = newJingzhun(Map.of())) {
            Household h = register(jz, Fixtures.VILLAGE_A1, 10);
            jz.pairing().saveCadre(officer, new Cadre("C-1", "王干事", CadreRole.TOWNSHIP_STAFF, null,
                    RegionCode.of("341702000000"), 10), "cadre");
            jz.pairing().pairCadre(officer, h.id(), "C-1", LocalDate.of(2019, 1, 1), "包户");
            jz.registry().recordIncome(officer, new IncomeStatement(h.id(), YEAR - 1,
                    Map.of(IncomeItem.WAGES, new BigDecimal("9000.00")), BigDecimal.ZERO, 2, 0), "2019 survey");
            assertThat(scan(jz, officer, Fixtures.COUNTY)).extracting(QualityFinding::rule)
                    .doesNotContain("T-PAIR", "T-INCOME");
        }
    }

    @Test
    void reportGroupsFindingsByTownshipVillageAndHousehold() {
        try (Jingzhun jz = newJingzhun(Map.of("disabled", List.of("T-BANK", "T-PAIR", "T-INCOME")))) {
            Household a1 = register(jz, Fixtures.VILLAGE_A1, 10);
            Household a2 = register(jz, Fixtures.VILLAGE_A2, 20);
            Household a1b = register(jz, Fixtures.VILLAGE_A1, 30);
            Household b1 = register(jz, Fixtures.VILLAGE_B1, 40);
            List<long[]> progress = new ArrayList<>();
            QualityReport r = jz.quality().report(viewer, Fixtures.COUNTY, YEAR, new QualityListener() {
                @Override
                public void finding(QualityFinding finding) {
                }

                @Override
                public void progress(long households, long findings) {
                    progress.add(new long[] {households, findings});
                }
            });
            assertThat(r.scan().households()).isEqualTo(4);
            assertThat(progress).isNotEmpty();
            assertThat(progress.get(progress.size() - 1)).containsExactly(4, 8);
            assertThat(r.townships()).extracting(QualityReport.Township::name).containsExactly("梅街镇", "棠溪镇");
            QualityReport.Township meijie = r.townships().get(0);
            assertThat(meijie.code()).isEqualTo(Fixtures.TOWN_A);
            assertThat(meijie.villages()).extracting(QualityReport.Village::name).containsExactly("刘街村", "源溪村");
            assertThat(meijie.villages().get(0).households()).extracting(QualityReport.HouseholdFixes::householdId)
                    .containsExactly(a1.id(), a1b.id());
            assertThat(meijie.villages().get(1).households()).extracting(QualityReport.HouseholdFixes::householdId)
                    .containsExactly(a2.id());
            QualityReport.HouseholdFixes first = meijie.villages().get(0).households().get(0);
            assertThat(first.headName()).isEqualTo(a1.head().orElseThrow().name());
            assertThat(first.findings()).extracting(QualityFinding::rule).containsExactly("T-HEAD", "T-PHONE");
            assertThat(r.townships().get(1).villages().get(0).households().get(0).householdId()).isEqualTo(b1.id());
        }
    }

    @Test
    void aListenerCanCancelTheScanBetweenBatches() {
        try (Jingzhun jz = newJingzhun(Map.of())) {
            List<Household> many = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                String birth = LocalDate.of(1950, 1, 1).plusDays(i).format(
                        java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
                many.add(Household.builder().region(Fixtures.VILLAGE_A1)
                        .mainCause(org.jingzhun.spi.household.PovertyCause.ILLNESS)
                        .members(List.of(org.jingzhun.spi.household.Member.of("户主" + i, Fixtures.id(birth, 1),
                                org.jingzhun.spi.household.Relationship.HEAD))).build());
            }
            jz.registry().registerAll(officer, many, "bulk");
            QualityScan scan = jz.quality().scan(officer, Fixtures.COUNTY, YEAR, new QualityListener() {
                @Override
                public void finding(QualityFinding finding) {
                }

                @Override
                public boolean cancelled() {
                    return true;
                }
            });
            assertThat(scan.cancelled()).isTrue();
            assertThat(scan.households()).isEqualTo(500);
        }
    }

    @Test
    void packConfigurationIsBoundAndValidatedAtBuild() {
        try (Jingzhun jz = newJingzhun(Map.of("parameters", Map.of("bornBefore", 1960),
                "severities", Map.of("T-PHONE", "ERROR")))) {
            register(jz, Fixtures.VILLAGE_A1, 10);
            assertThat(jz.quality().packs()).extracting(QualityPack::name).containsExactly("test");
            List<QualityFinding> found = scan(jz, officer, Fixtures.COUNTY);
            assertThat(found).noneMatch(f -> f.rule().equals("T-HEAD"));
            assertThat(found).filteredOn(f -> f.rule().equals("T-PHONE")).extracting(QualityFinding::severity)
                    .containsExactly(Severity.ERROR);
        }
        assertThatThrownBy(() -> newJingzhun(Map.of("parameters", Map.of("bornBefore", 1800))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("bornBefore");
        assertThatThrownBy(() -> newJingzhun(Map.of("noSuchKey", 1)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("noSuchKey");
        assertThatThrownBy(() -> Jingzhun.builder().plugin(new MemoryStoragePlugin()).storage("memory")
                .qualityPack("nowhere", Map.of()).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("nowhere");
    }

    @Test
    void monitoringRecordsReachTheRules() {
        MutableClock clock = new MutableClock("2016-06-01");
        try (Jingzhun jz = Jingzhun.builder().plugin(new MemoryStoragePlugin()).plugin(new TestQualityPlugin())
                .storage("memory").clock(clock).policyPack(org.jingzhun.core.policy.TestPack.national()).build()) {
            jz.regions().define(officer, List.of(new Region(Fixtures.COUNTY, "贵池区", 537_000, false),
                    new Region(Fixtures.TOWN_A, "梅街镇", 30_000, false),
                    new Region(Fixtures.VILLAGE_A1, "刘街村", 2_400, true)), "regions");
            Household h = jz.registry().register(officer, Fixtures.household(Fixtures.VILLAGE_A1, 10, 2).toBuilder()
                    .status(org.jingzhun.spi.household.PovertyStatus.EXITED).build(), "baseline");
            jz.registry().recordIncome(officer, PolicyFixtures.income(h.id(), 2016, 2, "1800"), "survey");
            assertThat(jz.monitoring().flag(officer, Fixtures.COUNTY, 2016, "年度排查")).hasSize(1);
            List<QualityFinding> found = new ArrayList<>();
            jz.quality().scan(officer, Fixtures.COUNTY, 2016, found::add);
            assertThat(found).filteredOn(f -> f.rule().equals("T-MON")).singleElement().satisfies(f -> {
                assertThat(f.record()).isEqualTo(RecordKind.MONITORING);
                assertThat(f.recordRef()).isEqualTo("monitoring " + h.id() + ".2016");
                assertThat(f.messageZh()).isEqualTo("自2016-06-01起监测");
            });
        }
    }

    @Test
    void rulesComparingHouseholdsSeeTheWholeArea() {
        try (Jingzhun jz = newJingzhun(Map.of("disabled", List.of("T-BANK", "T-PAIR", "T-INCOME", "T-HEAD", "T-ADDR")))) {
            Household a = jz.registry().register(officer, Fixtures.household(Fixtures.VILLAGE_A1, 10, 1).toBuilder()
                    .address("幸福路1号").build(), "baseline");
            Household b = jz.registry().register(officer, Fixtures.household(Fixtures.VILLAGE_B1, 20, 1).toBuilder()
                    .address("幸福路1号").build(), "baseline");
            jz.registry().register(officer, Fixtures.household(Fixtures.VILLAGE_A2, 30, 1).toBuilder()
                    .address("幸福路2号").phone(PHONE).build(), "baseline");
            List<QualityFinding> found = scan(jz, viewer, Fixtures.COUNTY);
            assertThat(found).filteredOn(f -> f.rule().equals("T-SAME-ADDR"))
                    .extracting(QualityFinding::householdId, QualityFinding::value, QualityFinding::messageEn)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(a.id(), "***", "address *** also used by "
                            + b.id()), org.assertj.core.groups.Tuple.tuple(b.id(), "***", "address *** also used by "
                            + a.id()));
            QualityReport r = jz.quality().report(officer, Fixtures.COUNTY, YEAR, null);
            assertThat(r.scan().households()).isEqualTo(3);
            assertThat(r.townships()).flatExtracting(QualityReport.Township::villages)
                    .flatExtracting(QualityReport.Village::households)
                    .extracting(QualityReport.HouseholdFixes::householdId).hasSize(3).contains(a.id(), b.id());
            QualityReport.HouseholdFixes fixesOfA = r.townships().get(0).villages().get(0).households().get(0);
            assertThat(fixesOfA.householdId()).isEqualTo(a.id());
            assertThat(fixesOfA.findings()).extracting(QualityFinding::rule).containsExactly("T-SAME-ADDR");
            // Clerk of township A: the other holder lies outside the scope and so outside the index.
            assertThat(scan(jz, Principal.officer("clerk-a", Fixtures.TOWN_A), Fixtures.COUNTY))
                    .noneMatch(f -> f.rule().equals("T-SAME-ADDR"));
        }
    }
}

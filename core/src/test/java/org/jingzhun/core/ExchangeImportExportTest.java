package org.jingzhun.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jingzhun.core.Fixtures.COUNTY;
import static org.jingzhun.core.Fixtures.COUNTY_OFFICER;
import static org.jingzhun.core.Fixtures.VILLAGE_A1;
import static org.jingzhun.core.Fixtures.VILLAGE_B1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipFile;
import org.jingzhun.core.disclosure.MaskingProfile;
import org.jingzhun.core.exchange.ExportRequest;
import org.jingzhun.core.exchange.ExportResult;
import org.jingzhun.core.exchange.ImportMode;
import org.jingzhun.core.exchange.ImportOptions;
import org.jingzhun.core.exchange.ImportProgress;
import org.jingzhun.core.exchange.ImportResult;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.AccessDeniedException;
import org.jingzhun.spi.error.ConfigurationException;
import org.jingzhun.spi.exchange.ExchangeException;
import org.jingzhun.spi.exchange.Layouts;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.HouseholdFlag;
import org.jingzhun.spi.household.Housing;
import org.jingzhun.spi.household.HousingSafety;
import org.jingzhun.spi.household.HousingStructure;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.LandHolding;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.storage.PageRequest;
import org.jingzhun.storage.memory.MemoryStoragePlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export then import through every format, masking profiles, chunked all-or-nothing rollback, progress and
 * cancellation, and the format registry's configuration.
 */
class ExchangeImportExportTest {
    private final AtomicInteger events = new AtomicInteger();
    private final Jingzhun source = ExchangeFixtures.newJingzhun();
    private final Jingzhun target = ExchangeFixtures.newJingzhun(e -> events.incrementAndGet());
    @TempDir
    Path dir;

    @AfterEach
    void close() {
        source.close();
        target.close();
    }

    /** Households with every card field filled, and their 2015 incomes. */
    private List<Household> registerSample(int count) {
        List<Household> hs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            hs.add(Fixtures.household(i % 2 == 0 ? VILLAGE_A1 : VILLAGE_B1, 100 + i * 10, 1 + i % 3).toBuilder()
                    .villageGroup("三组").address("刘街村三组 " + i + " 号").phone("1391234" + String.format("%04d", i))
                    .bank("池州农商行", "62170000" + String.format("%06d", i)).flags(Set.of(HouseholdFlag.ONE_CHILD))
                    .housing(new Housing(new BigDecimal("85.50"), HousingStructure.BRICK_CONCRETE, 1998,
                            HousingSafety.C_LEVEL))
                    .land(new LandHolding(new BigDecimal("2.30"), new BigDecimal("1.10"), BigDecimal.ZERO))
                    .mutualAid(true, new BigDecimal("2000.00")).build());
        }
        List<Household> stored = source.registry().registerAll(COUNTY_OFFICER, hs, "baseline");
        List<IncomeStatement> incomes = new ArrayList<>();
        for (Household h : stored) {
            Map<IncomeItem, BigDecimal> items = new EnumMap<>(IncomeItem.class);
            items.put(IncomeItem.WAGES, new BigDecimal("5200.00"));
            items.put(IncomeItem.LOW_ALLOWANCE, new BigDecimal("1380.50"));
            incomes.add(new IncomeStatement(h.id(), 2015, items, new BigDecimal("300.00"), h.size(), 0));
        }
        source.registry().recordIncomes(COUNTY_OFFICER, incomes, "2015 survey");
        return stored;
    }

    private Path export(Jingzhun jz, Principal who, ExportRequest request, String name) throws IOException {
        Path file = dir.resolve(name);
        try (var out = Files.newOutputStream(file)) {
            jz.exchange().export(who, request, out);
        }
        return file;
    }

    private List<Household> all(Jingzhun jz) {
        return jz.registry().search(COUNTY_OFFICER, COUNTY, PageRequest.first(1000)).items();
    }

    @Test
    void exportThenImportIsTheIdentityInEveryMultiSheetFormat() throws IOException {
        List<Household> original = registerSample(5);
        for (String format : List.of("xlsx", "ndjson")) {
            Jingzhun fresh = ExchangeFixtures.newJingzhun();
            try {
                Path file = export(source, COUNTY_OFFICER, ExportRequest.of(Layouts.LIBRARY, format, COUNTY)
                        .withProfile(MaskingProfile.FULL).withIncomeYear(2015), "all." + format);

                ImportResult r = fresh.exchange().importFile(COUNTY_OFFICER, file,
                        ImportOptions.of(Layouts.LIBRARY, ImportMode.ALL_OR_NOTHING, "迁移"));

                assertThat(r.errors()).as(format).isEmpty();
                assertThat(r.clean()).isTrue();
                assertThat(r.committed()).isTrue();
                assertThat(r.registered()).isEqualTo(5);
                assertThat(r.incomes()).isEqualTo(5);
                assertThat(all(fresh)).as(format).usingRecursiveFieldByFieldElementComparatorIgnoringFields("version")
                        .containsExactlyElementsOf(original);
                for (Household h : original) {
                    assertThat(fresh.registry().income(COUNTY_OFFICER, h.id(), 2015)).get()
                            .usingRecursiveComparison().ignoringFields("version")
                            .isEqualTo(source.registry().income(COUNTY_OFFICER, h.id(), 2015).orElseThrow());
                }
            } finally {
                fresh.close();
            }
        }
    }

    @Test
    void maskedExportsNeverCarryRawPersonalData() throws IOException {
        List<Household> hs = registerSample(3);
        Principal viewer = Principal.viewer("township-viewer", COUNTY);

        Path screen = export(source, viewer, ExportRequest.of(Layouts.LIBRARY, "xlsx", COUNTY), "screen.xlsx");
        Path notice = export(source, viewer, ExportRequest.of(Layouts.PUBLIC_NOTICE, "csv", COUNTY), "notice.csv");
        Path json = export(source, COUNTY_OFFICER, ExportRequest.of(Layouts.NATIONAL, "ndjson", COUNTY)
                .withProfile(MaskingProfile.SCREEN), "screen.ndjson");

        String screenText = unzipped(screen);
        String noticeText = Files.readString(notice, StandardCharsets.UTF_8);
        String jsonText = Files.readString(json, StandardCharsets.UTF_8);
        for (Household h : hs) {
            for (String text : List.of(screenText, noticeText, jsonText)) {
                h.members().forEach(m -> assertThat(text).doesNotContain(m.citizenId().value()));
                assertThat(text).doesNotContain(h.phone()).doesNotContain(h.bankAccount()).doesNotContain(h.address());
            }
            assertThat(screenText).contains(h.members().get(0).citizenId().redacted().value());
        }
        assertThat(noticeText).contains("户主姓名,所在村,类别,理由").contains("刘街村").contains("一般贫困户").contains("因病")
                .contains(hs.get(0).head().orElseThrow().name());
    }

    @Test
    void fullExportNeedsPermissionToViewPersonalData() {
        registerSample(1);
        Principal viewer = Principal.viewer("township-viewer", COUNTY);

        assertThatThrownBy(() -> source.exchange().export(viewer, ExportRequest.of(Layouts.LIBRARY, "xlsx", COUNTY)
                .withProfile(MaskingProfile.FULL), new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyAnUnmaskedExportIsRecordedAsAReadOfPersonalData() {
        List<org.jingzhun.spi.event.RegistryEvent> seen = new ArrayList<>();
        try (Jingzhun jz = ExchangeFixtures.newJingzhun(seen::add)) {
            jz.registry().registerAll(COUNTY_OFFICER, List.of(Fixtures.household(VILLAGE_A1, 100, 2)), "baseline");
            seen.clear();

            jz.exchange().export(COUNTY_OFFICER, ExportRequest.of(Layouts.NATIONAL, "xlsx", COUNTY)
                    .withProfile(MaskingProfile.SCREEN), new ByteArrayOutputStream());
            assertThat(seen).isEmpty();

            jz.exchange().export(COUNTY_OFFICER, ExportRequest.of(Layouts.NATIONAL, "xlsx", COUNTY)
                    .withProfile(MaskingProfile.FULL), new ByteArrayOutputStream());
            assertThat(seen).singleElement().satisfies(e -> {
                assertThat(e.entry().action()).isEqualTo("read-personal-data");
                assertThat(e.entry().actorId()).isEqualTo(COUNTY_OFFICER.userId());
                assertThat(e.entry().after()).contains("exchange.export").contains("national");
            });
        }
    }

    @Test
    void exportReportsWhatItWrote() {
        registerSample(4);
        ExportResult r = source.exchange().export(COUNTY_OFFICER, ExportRequest.of(Layouts.LIBRARY, "xlsx",
                VILLAGE_A1), new ByteArrayOutputStream());

        assertThat(r.households()).isEqualTo(2);
        assertThat(r.rows()).isEqualTo(2 + 1 + 3);
        assertThat(r.profile()).isEqualTo(MaskingProfile.FULL);
        assertThat(r.fileExtension()).isEqualTo("xlsx");
        assertThat(r.mediaType()).contains("spreadsheetml");
    }

    @Test
    void allOrNothingRollsBackEveryChunkWhenALaterChunkFails() throws IOException {
        registerSample(6);
        Path file = export(source, COUNTY_OFFICER, ExportRequest.of(Layouts.LIBRARY, "ndjson", COUNTY)
                .withProfile(MaskingProfile.FULL), "six.ndjson");
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(5, lines.get(5).replace("\"因病\"", "\"因穷\""));
        Files.write(file, lines, StandardCharsets.UTF_8);
        int before = events.get();

        ImportResult r = target.exchange().importFile(COUNTY_OFFICER, file,
                ImportOptions.of(Layouts.LIBRARY, ImportMode.ALL_OR_NOTHING, "迁移").withChunkSize(2));

        assertThat(r.errors()).extracting(e -> e.row()).containsExactly(6L);
        assertThat(r.registered()).isEqualTo(5);
        assertThat(r.committed()).isFalse();
        assertThat(events.get()).isEqualTo(before);
        assertThat(all(target)).isEmpty();

        ImportResult accepted = target.exchange().importFile(COUNTY_OFFICER, file,
                ImportOptions.of(Layouts.LIBRARY, ImportMode.ACCEPT_VALID, "迁移").withChunkSize(2));
        assertThat(accepted.committed()).isTrue();
        assertThat(all(target)).hasSize(5);
    }

    @Test
    void progressIsReportedPerChunkAndCancellationStopsBetweenRows() throws IOException {
        registerSample(6);
        Path file = export(source, COUNTY_OFFICER, ExportRequest.of(Layouts.LIBRARY, "ndjson", COUNTY)
                .withProfile(MaskingProfile.FULL), "six.ndjson");
        List<ImportProgress> seen = new ArrayList<>();

        ImportResult done = target.exchange().importFile(COUNTY_OFFICER, file,
                ImportOptions.of(Layouts.LIBRARY, ImportMode.VALIDATE_ONLY, "试导入").withChunkSize(2)
                        .withListener(seen::add));

        assertThat(seen).hasSize(4);
        assertThat(seen).extracting(ImportProgress::householdsRead).containsExactly(2L, 4L, 6L, 6L);
        assertThat(seen).extracting(ImportProgress::accepted).containsExactly(2L, 4L, 6L, 6L);
        // A file this small is read into the reader's buffer at once, so the share read is not yet telling.
        assertThat(seen.get(0).fractionRead()).isIn(-1.0, 1.0).matches(f -> f == -1.0 || f <= 1.0);
        assertThat(seen.get(3).fractionRead()).isEqualTo(1.0);
        assertThat(seen.get(3).rowsRead()).isEqualTo(done.rowsRead());
        assertThat(seen.get(3).rowsPerSecond()).isPositive();
        assertThat(done.rowsRead()).isEqualTo(6 + 12);

        for (ImportMode mode : List.of(ImportMode.ACCEPT_VALID, ImportMode.ALL_OR_NOTHING)) {
            Jingzhun fresh = ExchangeFixtures.newJingzhun();
            try {
                AtomicBoolean cancel = new AtomicBoolean();
                ImportResult r = fresh.exchange().importFile(COUNTY_OFFICER, file,
                        ImportOptions.of(Layouts.LIBRARY, mode, "迁移").withChunkSize(2)
                                .withListener(p -> cancel.set(true)).withCancellation(cancel::get));

                assertThat(r.cancelled()).isTrue();
                assertThat(r.householdsRead()).isEqualTo(2);
                assertThat(all(fresh)).hasSize(mode == ImportMode.ACCEPT_VALID ? 2 : 0);
            } finally {
                fresh.close();
            }
        }
    }

    @Test
    void etaFollowsTheShareOfTheFileRead() {
        ImportProgress quarter = new ImportProgress(100, 40, 38, 2, java.time.Duration.ofSeconds(10), 0.25);

        assertThat(quarter.eta()).contains(java.time.Duration.ofSeconds(30));
        assertThat(quarter.rowsPerSecond()).isEqualTo(10.0);
        assertThat(new ImportProgress(100, 40, 38, 2, java.time.Duration.ofSeconds(10), -1).eta()).isEmpty();
    }

    @Test
    void aTwoSheetLayoutNeedsAFormatWithSheets() {
        assertThatThrownBy(() -> source.exchange().export(COUNTY_OFFICER,
                ExportRequest.of(Layouts.LIBRARY, "csv", COUNTY), new ByteArrayOutputStream()))
                .isInstanceOf(ExchangeException.class)
                .satisfies(e -> assertThat(((ExchangeException) e).code()).isEqualTo("exchange.one_sheet"));
        assertThatThrownBy(() -> source.exchange().importFile(COUNTY_OFFICER, dir.resolve("x.csv"),
                ImportOptions.of(Layouts.NATIONAL, ImportMode.VALIDATE_ONLY, "试")))
                .isInstanceOf(ExchangeException.class);
    }

    @Test
    void formatsAreFoundByNameAndExtensionAndConfiguredWithValidation() {
        assertThat(source.exchange().formatNames()).containsExactly("csv", "ndjson", "xlsx");
        assertThat(source.exchange().formatFor(Path.of("户信息.XLSX")).name()).isEqualTo("xlsx");
        assertThat(source.exchange().format("csv").mediaType()).isEqualTo("text/csv");
        assertThatThrownBy(() -> source.exchange().format("xls")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("xls");
        assertThatThrownBy(() -> Jingzhun.builder().plugin(new MemoryStoragePlugin())
                .plugin(new org.jingzhun.exchange.xlsx.XlsxExchangePlugin()).storage("memory")
                .exchangeFormat("xlsx", Map.of("maxEntries", 0)).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("maxEntries");
        assertThatThrownBy(() -> Jingzhun.builder().plugin(new MemoryStoragePlugin()).storage("memory")
                .exchangeFormat("xlsx", Map.of()).build())
                .isInstanceOf(ConfigurationException.class);
        org.jingzhun.spi.Plugin twin = new org.jingzhun.spi.Plugin() {
            @Override
            public String name() {
                return "another-csv";
            }

            @Override
            public int spiVersion() {
                return SPI_VERSION;
            }

            @Override
            public List<org.jingzhun.spi.exchange.ExchangeFormatFactory<?>> exchangeFormats() {
                return new org.jingzhun.exchange.csv.CsvExchangePlugin().exchangeFormats();
            }
        };
        assertThatThrownBy(() -> Jingzhun.builder().plugin(new MemoryStoragePlugin())
                .plugin(new org.jingzhun.exchange.csv.CsvExchangePlugin()).plugin(twin).storage("memory").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("csv");
    }

    @Test
    void importNeedsWritePermissionAndAReason() throws IOException {
        registerSample(1);
        Path file = export(source, COUNTY_OFFICER, ExportRequest.of(Layouts.LIBRARY, "xlsx", COUNTY), "one.xlsx");

        assertThatThrownBy(() -> target.exchange().importFile(Principal.viewer("v", COUNTY), file,
                ImportOptions.of(Layouts.LIBRARY, ImportMode.ACCEPT_VALID, "迁移")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> target.exchange().importFile(COUNTY_OFFICER, file,
                ImportOptions.of(Layouts.LIBRARY, ImportMode.ACCEPT_VALID, " ")))
                .isInstanceOf(org.jingzhun.spi.error.ValidationException.class);
        assertThat(all(target)).isEmpty();
    }

    @Test
    void amendKeepsWhatTheFileLeavesOut() throws IOException {
        Household h = registerSample(1).get(0);
        Household exited = source.registry().amend(COUNTY_OFFICER, h.toBuilder().status(PovertyStatus.EXITED)
                .build(), "脱贫");
        Path file = dir.resolve("national.xlsx");
        ExchangeFixtures.xlsx(dir, "national.xlsx",
                new ExchangeFixtures.Sheet("户信息", List.of("户编号", "行政区划代码", "贫困户属性", "主要致贫原因",
                        "联系电话"), List.of(new ArrayList<>(List.of(h.id(), h.region().value(), "一般贫困户", "因病",
                                "13800000000")))),
                new ExchangeFixtures.Sheet("家庭成员", List.of("户编号", "姓名", "证件号码", "与户主关系", "民族",
                        "文化程度", "健康状况", "劳动技能"), List.of(new ArrayList<>(List.of(h.id(),
                                h.head().orElseThrow().name(), h.head().orElseThrow().citizenId().value(), "户主", "01",
                                "初中", "健康", "普通劳动力")))));

        ImportResult r = source.exchange().importFile(COUNTY_OFFICER, file,
                ImportOptions.of(Layouts.NATIONAL, ImportMode.ACCEPT_VALID, "更新电话"));

        assertThat(r.amended()).isEqualTo(1);
        Household after = source.registry().get(COUNTY_OFFICER, h.id());
        assertThat(after.phone()).isEqualTo("13800000000");
        assertThat(after.status()).isEqualTo(PovertyStatus.EXITED);
        assertThat(after.housing()).isEqualTo(exited.housing());
        assertThat(after.bankAccount()).isEqualTo(exited.bankAccount());
    }

    @Test
    void repeatedHouseholdsMissingMembersAndOrphanMembersAreRowErrors() {
        List<String> hh = List.of("户编号", "行政区划代码", "贫困户属性", "主要致贫原因");
        List<String> mm = List.of("户编号", "姓名", "证件号码", "与户主关系", "民族", "文化程度", "健康状况", "劳动技能");
        Path file = ExchangeFixtures.xlsx(dir, "odd.xlsx",
                new ExchangeFixtures.Sheet("户信息", hh, List.of(
                        new ArrayList<>(List.of("A1", VILLAGE_A1.value(), "一般贫困户", "因病")),
                        new ArrayList<>(List.of("A2", VILLAGE_A1.value(), "一般贫困户", "因病")),
                        new ArrayList<>(List.of("A1", VILLAGE_A1.value(), "一般贫困户", "因病")))),
                new ExchangeFixtures.Sheet("家庭成员", mm, List.of(
                        new ArrayList<>(List.of("A1", "甲", Fixtures.id("19650302", 1).value(), "户主", "01", "初中",
                                "健康", "普通劳动力")),
                        new ArrayList<>(List.of("B9", "乙", Fixtures.id("19650302", 2).value(), "户主", "01", "初中",
                                "健康", "普通劳动力")))));

        ImportResult r = target.exchange().importFile(COUNTY_OFFICER, file,
                ImportOptions.of(Layouts.LIBRARY, ImportMode.ACCEPT_VALID, "迁移"));

        assertThat(r.errors()).extracting(e -> e.sheet(), e -> e.row(), e -> e.code()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("户信息", 3L, "exchange.members_missing"),
                org.assertj.core.groups.Tuple.tuple("户信息", 4L, "exchange.household_twice"),
                org.assertj.core.groups.Tuple.tuple("家庭成员", 3L, "exchange.member_orphan"));
        assertThat(r.errors().get(1).messageZh()).contains("第 2 行");
        assertThat(r.registered()).isEqualTo(1);
    }

    private static String unzipped(Path xlsx) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (var e : java.util.Collections.list(zip.entries())) {
                sb.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }
}

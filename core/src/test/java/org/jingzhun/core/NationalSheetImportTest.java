package org.jingzhun.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.jingzhun.core.Fixtures.COUNTY;
import static org.jingzhun.core.Fixtures.COUNTY_OFFICER;
import static org.jingzhun.core.Fixtures.id;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jingzhun.core.ExchangeFixtures.Sheet;
import org.jingzhun.core.exchange.ImportMode;
import org.jingzhun.core.exchange.ImportOptions;
import org.jingzhun.core.exchange.ImportResult;
import org.jingzhun.spi.exchange.Layouts;
import org.jingzhun.spi.exchange.RowError;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.HouseholdType;
import org.jingzhun.spi.household.Insurance;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.storage.PageRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sheet pair as the national system exports it (户信息 and 家庭成员, Chinese headers, some of them last year's
 * variants, codes typed as numbers, labels where codes belong) with the mistakes clerks really make: a citizen ID with
 * a wrong check digit, a village code that does not exist, one person in two households and a cause spelt as nobody
 * codes it. The import yields exactly those row errors and an error report with exactly the refused households.
 */
class NationalSheetImportTest {
    private static final String BAD_ID;

    static {
        String good = id("19720202", 4).value();
        BAD_ID = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
    }

    private final AtomicInteger events = new AtomicInteger();
    private final Jingzhun jz = ExchangeFixtures.newJingzhun(e -> events.incrementAndGet());
    @TempDir
    Path dir;

    @AfterEach
    void close() {
        jz.close();
    }

    static Path nationalFile(Path dir) {
        Sheet households = new Sheet("户信息", List.of("户编号", "行政区划代码", "村民小组", "联系电话", "户类型",
                "主要致贫原因", "其他致贫原因", "贫困户状态", "识别年度"), List.of(
                        row("341702100201001", "341702100201", "一组", "13912345678", "一般贫困户", "因病", "缺技术",
                                "未脱贫", 2014),
                        row("341702100201002", "341702100201", "二组", null, 2, 1, "07、08", 1, 2014),
                        row("341702100201003", "341702100201", "三组", null, "一般贫困户", "因残", null, "未脱贫", 2014),
                        row("341702100299001", "341702100299", "一组", null, "一般贫困户", "因学", null, "未脱贫", 2014),
                        row("341702100201005", "341702100201", "五组", null, "一般贫困户", "因灾", null, "未脱贫", 2014),
                        row("341702100201006", "341702100201", "六组", null, "一般贫困户", "因病致贫", null, "未脱贫",
                                2014)));
        Sheet members = new Sheet("家庭成员", List.of("户编号", "姓名", "身份证号码", "与户主关系", "民族", "文化程度",
                "健康状况", "劳动能力", "参加保险情况"), List.of(
                        row("341702100201001", "张大山", id("19650302", 1).value(), "户主", 1, "初中", "健康",
                                "普通劳动力", "城乡居民基本医疗保险(新农合)"),
                        row("341702100201001", "李秀英", id("19680512", 2).value(), "配偶", "汉族", "小学", "长期慢性病",
                                "普通劳动力", "1、2"),
                        row("341702100201002", "王小二", id("19700101", 3).value(), 1, 1, 3, 1, 1, null),
                        row("341702100201003", "赵四", BAD_ID, "户主", "01", "初中", "健康", "普通劳动力", null),
                        row("341702100299001", "钱五", id("19750303", 5).value(), "户主", "01", "初中", "健康",
                                "普通劳动力", null),
                        row("341702100201005", "孙六", id("19650302", 1).value(), "户主", "01", "初中", "健康",
                                "普通劳动力", null),
                        row("341702100201006", "周七", id("19800404", 7).value(), "户主", "01", "初中", "健康",
                                "普通劳动力", null)));
        return ExchangeFixtures.xlsx(dir, "national.xlsx", households, members);
    }

    private static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    private ImportResult importNational(ImportMode mode) {
        return jz.exchange().importFile(COUNTY_OFFICER, nationalFile(dir),
                ImportOptions.of(Layouts.NATIONAL, mode, "2014 年建档立卡导入"));
    }

    private List<Household> stored() {
        return jz.registry().search(COUNTY_OFFICER, COUNTY, PageRequest.first(100)).items();
    }

    @Test
    void yieldsExactlyTheExpectedRowErrors() {
        ImportResult r = importNational(ImportMode.ACCEPT_VALID);

        assertThat(r.errors()).extracting(RowError::sheet, RowError::row, RowError::column, RowError::code)
                .containsExactlyInAnyOrder(
                        tuple("家庭成员", 5L, "证件号码", "exchange.id_check"),
                        tuple("户信息", 5L, "行政区划代码", "validation.region_unknown"),
                        tuple("家庭成员", 7L, "证件号码", "validation.id_taken"),
                        tuple("户信息", 7L, "主要致贫原因", "exchange.unknown_code"));
        assertThat(r.errors()).allSatisfy(e -> {
            assertThat(e.messageZh()).isNotBlank().doesNotContainPattern("[A-Za-z]{4,}");
            assertThat(e.messageEn()).isNotBlank();
            assertThat(e.value()).doesNotContain(BAD_ID).doesNotContain(id("19650302", 1).value());
        });
        assertThat(r.errors()).filteredOn(e -> e.row() == 5 && e.sheet().equals("家庭成员")).singleElement()
                .satisfies(e -> assertThat(e.value()).startsWith("341702").endsWith(BAD_ID.substring(14)));
        assertThat(r.householdsRead()).isEqualTo(6);
        assertThat(r.registered()).isEqualTo(2);
        assertThat(r.refused()).isEqualTo(4);
        assertThat(r.committed()).isTrue();
    }

    @Test
    void codesAndLabelsBothLandAsTheSameValues() {
        importNational(ImportMode.ACCEPT_VALID);

        List<Household> hs = stored();
        assertThat(hs).hasSize(2);
        Household labelled = hs.stream().filter(h -> h.head().orElseThrow().name().equals("张大山")).findFirst()
                .orElseThrow();
        Household coded = hs.stream().filter(h -> h.head().orElseThrow().name().equals("王小二")).findFirst()
                .orElseThrow();
        assertThat(labelled.mainCause()).isEqualTo(PovertyCause.ILLNESS);
        assertThat(coded.mainCause()).isEqualTo(PovertyCause.ILLNESS);
        assertThat(coded.type()).isEqualTo(HouseholdType.LOW_ALLOWANCE_POOR);
        assertThat(coded.otherCauses()).containsExactly(PovertyCause.LACK_OF_SKILLS, PovertyCause.LACK_OF_LABOUR);
        assertThat(coded.members().get(0).relationship()).isEqualTo(Relationship.HEAD);
        assertThat(labelled.members()).extracting(m -> m.ethnicity()).containsOnly("01");
        assertThat(labelled.members().get(1).insurances())
                .containsExactlyInAnyOrder(Insurance.RURAL_MEDICAL, Insurance.SERIOUS_ILLNESS);
        assertThat(labelled.phone()).isEqualTo("13912345678");
        assertThat(labelled.id()).startsWith("341702-");
    }

    @Test
    void theErrorReportHoldsTheRefusedHouseholdsWithAnErrorColumn() throws IOException {
        ImportResult r = importNational(ImportMode.ACCEPT_VALID);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        jz.exchange().writeErrorReport(r, out);

        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Row> hh = wb.findSheet("户信息").orElseThrow().read();
            List<Row> mm = wb.findSheet("家庭成员").orElseThrow().read();
            assertThat(hh.get(0).getCellText(9)).isEqualTo("错误说明");
            assertThat(hh.subList(1, hh.size())).extracting(x -> x.getCellText(0)).containsExactly(
                    "341702100201003", "341702100299001", "341702100201005", "341702100201006");
            assertThat(hh.get(1).getCellText(9)).isEmpty();
            assertThat(hh.get(2).getCellText(9)).contains("行政区划代码").contains("341702100299").contains("不存在");
            assertThat(hh.get(4).getCellText(9)).contains("主要致贫原因").contains("因病致贫");
            assertThat(mm.get(0).getCellText(9)).isEqualTo("错误说明");
            assertThat(mm.subList(1, mm.size())).extracting(x -> x.getCellText(1))
                    .containsExactly("赵四", "钱五", "孙六", "周七");
            assertThat(mm.get(1).getCellText(9)).contains("证件号码").contains("校验位").doesNotContain(BAD_ID);
            assertThat(mm.get(3).getCellText(9)).contains("已属于在册农户");
            assertThat(mm.get(1).getCellText(2)).isEqualTo(BAD_ID);
        }

        Path report = dir.resolve("report.xlsx");
        Files.write(report, out.toByteArray());
        ImportResult again = jz.exchange().importFile(COUNTY_OFFICER, report,
                ImportOptions.of(Layouts.NATIONAL, ImportMode.VALIDATE_ONLY, "复核"));
        assertThat(again.errors()).extracting(RowError::code).containsExactlyInAnyOrder(
                "exchange.id_check", "validation.region_unknown", "validation.id_taken",
                "exchange.unknown_code");
    }

    @Test
    void theFormatCanBeNamedAndTheErrorsKeptCapped() throws IOException {
        Path renamed = Files.move(nationalFile(dir), dir.resolve("national.dat"));

        ImportResult r = jz.exchange().importFile(COUNTY_OFFICER, renamed,
                ImportOptions.of(Layouts.NATIONAL, ImportMode.VALIDATE_ONLY, "试导入").withFormat("xlsx")
                        .withMaxErrorsKept(1));

        assertThat(r.errors()).hasSize(1);
        assertThat(r.errorCount()).isEqualTo(4);
        assertThat(r.clean()).isFalse();
    }

    @Test
    void reimportingAmendsInsteadOfRegisteringTwice() {
        importNational(ImportMode.ACCEPT_VALID);
        List<Household> first = stored();

        ImportResult again = importNational(ImportMode.ACCEPT_VALID);

        assertThat(again.registered()).as(again.errors().toString()).isZero();
        assertThat(again.amended()).as(again.errors().toString()).isEqualTo(2);
        assertThat(again.amended()).isEqualTo(2);
        assertThat(stored()).extracting(Household::id)
                .containsExactlyElementsOf(first.stream().map(Household::id).toList());
        assertThat(again.errors()).hasSize(4);
    }

    @Test
    void aDryRunWritesNothingAndReportsTheSame() {
        int before = events.get();
        ImportResult r = importNational(ImportMode.VALIDATE_ONLY);

        assertThat(r.committed()).isFalse();
        assertThat(r.registered()).isEqualTo(2);
        assertThat(r.errors()).hasSize(4);
        assertThat(events.get()).isEqualTo(before);
        assertThat(stored()).isEmpty();
    }

    @Test
    void allOrNothingWritesNothingWhenARowIsRefused() {
        int before = events.get();
        ImportResult r = importNational(ImportMode.ALL_OR_NOTHING);

        assertThat(r.committed()).isFalse();
        assertThat(r.errors()).hasSize(4);
        assertThat(events.get()).isEqualTo(before);
        assertThat(stored()).isEmpty();
        assertThat(r.layout()).isEqualTo(Layouts.NATIONAL);
        assertThat(Map.of("format", r.format())).containsEntry("format", "xlsx");
    }
}

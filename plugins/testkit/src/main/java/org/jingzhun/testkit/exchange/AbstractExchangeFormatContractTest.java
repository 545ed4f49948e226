package org.jingzhun.testkit.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jingzhun.spi.exchange.Column;
import org.jingzhun.spi.exchange.ColumnType;
import org.jingzhun.spi.exchange.ExchangeFormat;
import org.jingzhun.spi.exchange.Layout;
import org.jingzhun.spi.exchange.LayoutReader;
import org.jingzhun.spi.exchange.LayoutRow;
import org.jingzhun.spi.exchange.LayoutWriter;
import org.jingzhun.spi.exchange.RowError;
import org.jingzhun.spi.exchange.Sensitivity;
import org.jingzhun.spi.exchange.SheetLayout;
import org.jingzhun.spi.household.Insurance;
import org.jingzhun.spi.household.PovertyCause;

/**
 * The contract every {@link ExchangeFormat} (交换格式契约) must pass, run with jqwik: writing rows through a layout and
 * reading them back is the identity for arbitrary valid rows; hostile input (formulas, control characters, cells over
 * 32,767 characters, wrong types, unknown codes, empty rows, missing, misspelt and extra headers) yields row errors
 * naming sheet, row and column with reasons in Chinese and English; on output formulas are inert, control characters
 * gone and numbers numeric. A format's test extends this class and supplies the format, a way to write a file
 * verbatim (live formulas and control characters included) and the checks of its own bytes.
 */
public abstract class AbstractExchangeFormatContractTest {
    /** A test layout with a column of every type. */
    protected static final SheetLayout SHEET = new SheetLayout("测试表", List.of(
            Column.required("id", "编号", ColumnType.TEXT),
            Column.optional("text", "文本", ColumnType.TEXT, "说明"),
            Column.optional("count", "人数", ColumnType.INTEGER),
            Column.optional("amount", "金额(元)", ColumnType.DECIMAL),
            Column.optional("yes", "是否", ColumnType.BOOLEAN),
            Column.coded("cause", "致贫原因", false, false, PovertyCause.class),
            Column.coded("insured", "参保情况", false, true, Insurance.class),
            Column.optional("idNumber", "身份证号", ColumnType.TEXT).personal(Sensitivity.CITIZEN_ID)));
    protected static final Layout LAYOUT = new Layout("contract", "契约测试", List.of(SHEET));

    /** A live formula cell for {@link #rawFile}: written so a spreadsheet would evaluate it, where the format can. */
    public record Formula(String text) {
    }

    /** The format under test, fresh or shared. */
    protected abstract ExchangeFormat format();

    /**
     * A file with exactly these cells, no cleaning: strings verbatim (control characters included), {@link Number}s
     * as numbers, {@link Formula}s live where the format has formulas, {@code null} blank; a row of nulls is a blank
     * row.
     */
    protected abstract byte[] rawFile(String sheet, List<String> headers, List<List<Object>> rows);

    /** Whether the format can hold a live formula at all (NDJSON cannot). */
    protected abstract boolean hasFormulas();

    /** Asserts the written file holds {@code text} only as inert text, never as something a spreadsheet would run. */
    protected abstract void assertInert(byte[] file, String text);

    /** Asserts the written file holds {@code digits} as a number, not as text. */
    protected abstract void assertNumeric(byte[] file, String digits);

    /**
     * The row number a clerk sees for the {@code n}-th data row (1-based): {@code n + 1} below a header row, as in
     * spreadsheets and CSV; formats whose header is not a row of its own (NDJSON) override it.
     */
    protected long dataRow(int n) {
        return n + 1L;
    }

    // ---- write -> read is the identity ----

    @Property(tries = 60)
    void writtenRowsReadBackEqual(@ForAll("rows") List<Map<String, Object>> rows) {
        byte[] file = write(rows);
        List<LayoutRow> read = read(file);

        assertThat(read).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            LayoutRow r = read.get(i);
            assertThat(r.errors()).as("row %s", i).isEmpty();
            assertThat(normalised(r.values())).as("row %s", i).isEqualTo(normalised(rows.get(i)));
        }
    }

    @Provide
    Arbitrary<List<Map<String, Object>>> rows() {
        Arbitrary<String> text = Arbitraries.strings()
                .withChars("张王李赵村组户因病残=+-@'\",;|:/ \nabcXYZ0129（）、中文")
                .ofMinLength(0).ofMaxLength(30).map(String::strip).map(s -> s.isEmpty() ? null : s);
        Arbitrary<Long> count = Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L).injectNull(0.1);
        Arbitrary<BigDecimal> amount = Arbitraries.bigDecimals().between(new BigDecimal("-999999999.99"),
                new BigDecimal("999999999.99")).ofScale(2).injectNull(0.1);
        Arbitrary<Boolean> yes = Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.1);
        Arbitrary<PovertyCause> cause = Arbitraries.of(PovertyCause.class).injectNull(0.1);
        Arbitrary<List<Insurance>> insured = Arbitraries.of(Insurance.class).list().uniqueElements().ofMaxSize(3);
        Arbitrary<Map<String, Object>> row = Combinators.combine(text, count, amount, yes, cause, insured, text)
                .as((t, c, a, y, ca, in, id) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", "户" + Math.abs(String.valueOf(t).hashCode() % 100000));
                    m.put("text", t);
                    m.put("count", c);
                    m.put("amount", a);
                    m.put("yes", y);
                    m.put("cause", ca);
                    m.put("insured", in.isEmpty() ? null : in);
                    m.put("idNumber", id);
                    return m;
                });
        return row.list().ofMinSize(1).ofMaxSize(20);
    }

    // ---- hostile input gives row errors ----

    @Example
    void liveFormulasAreRowErrors() {
        if (!hasFormulas()) {
            return;
        }
        List<RowError> errors = errorsOf(rawFile(SHEET.name(), SHEET.headers(), List.of(
                row("H1", new Formula("=HYPERLINK(\"http://evil\",\"点我\")")),
                row("H2", new Formula("=1+1")))));

        assertThat(errors).extracting(RowError::row, RowError::column, RowError::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(dataRow(1), "文本", "exchange.formula"),
                        org.assertj.core.groups.Tuple.tuple(dataRow(2), "文本", "exchange.formula"));
        assertThat(errors.get(0).messageZh()).contains("公式");
        assertThat(errors.get(0).messageEn()).contains("formula");
    }

    @Example
    void controlCharactersAndOverlongCellsAreRowErrors() {
        String longText = "长".repeat(32_768);
        List<RowError> errors = errorsOf(rawFile(SHEET.name(), SHEET.headers(), List.of(
                row("H1", "张三\u0007"),
                row("H2", longText),
                row("H3", "正常"))));

        assertThat(errors).extracting(RowError::row, RowError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(dataRow(1), "exchange.control_char"),
                org.assertj.core.groups.Tuple.tuple(dataRow(2), "exchange.cell_too_long"));
        assertThat(errors.get(1).value()).hasSizeLessThan(100);
    }

    @Example
    void wrongTypesAndUnknownCodesAreRowErrors() {
        List<String> headers = SHEET.headers();
        List<Object> bad = new ArrayList<>(Arrays.asList("H1", null, "三个", "一百元", "也许", "因穷", "大病保险、火灾险",
                "110101199003077777"));
        List<RowError> errors = errorsOf(rawFile(SHEET.name(), headers, List.of(bad)));

        assertThat(errors).extracting(RowError::column, RowError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("人数", "exchange.not_integer"),
                org.assertj.core.groups.Tuple.tuple("金额(元)", "exchange.not_number"),
                org.assertj.core.groups.Tuple.tuple("是否", "exchange.not_boolean"),
                org.assertj.core.groups.Tuple.tuple("致贫原因", "exchange.unknown_code"),
                org.assertj.core.groups.Tuple.tuple("参保情况", "exchange.unknown_code"));
        assertThat(errors).allSatisfy(e -> {
            assertThat(e.sheet()).isEqualTo(SHEET.name());
            assertThat(e.row()).isEqualTo(dataRow(1));
            assertThat(e.messageZh()).isNotBlank();
            assertThat(e.messageEn()).isNotBlank();
        });
    }

    @Example
    void codesAndLabelsAreBothAccepted() {
        List<LayoutRow> rows = read(rawFile(SHEET.name(), SHEET.headers(), List.of(
                new ArrayList<>(Arrays.asList("H1", null, null, null, "是", "01", "1、大病保险", null)),
                new ArrayList<>(Arrays.asList("H2", null, null, null, "否", "因病", "2", null)))));

        assertThat(rows).allSatisfy(r -> assertThat(r.errors()).isEmpty());
        assertThat(rows).extracting(r -> r.get("cause")).containsOnly(PovertyCause.ILLNESS);
        assertThat((List<Object>) rows.get(0).get("insured")).containsExactly(Insurance.RURAL_MEDICAL,
                Insurance.SERIOUS_ILLNESS);
    }

    @Example
    void emptyRowsBetweenDataRowsAreRowErrors() {
        List<Object> blank = new ArrayList<>();
        SHEET.headers().forEach(h -> blank.add(null));
        List<RowError> errors = errorsOf(rawFile(SHEET.name(), SHEET.headers(), List.of(
                row("H1", "一"), blank, row("H3", "三"), blank)));

        assertThat(errors).extracting(RowError::row, RowError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(dataRow(2), "exchange.row_empty"));
    }

    @Example
    void missingMisspeltAndExtraHeadersAreRowErrors() {
        List<String> headers = new ArrayList<>(SHEET.headers());
        headers.set(0, "编码"); // required 编号 misspelt
        headers.set(2, "人 数"); // spacing is tolerated
        headers.add("备注");    // a column the layout does not know
        List<Object> cells = new ArrayList<>(row("H1", "文"));
        cells.add("多余");
        List<RowError> errors = errorsOf(rawFile(SHEET.name(), headers, List.of(cells)));

        assertThat(errors).extracting(RowError::row, RowError::column, RowError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, "编码", "exchange.header_unknown"),
                org.assertj.core.groups.Tuple.tuple(1L, "备注", "exchange.header_unknown"),
                org.assertj.core.groups.Tuple.tuple(1L, "编号", "exchange.header_missing"));
        assertThat(errors.get(0).messageZh()).contains("编号");
    }

    @Example
    void aliasHeadersAreAccepted() {
        List<String> headers = new ArrayList<>(SHEET.headers());
        headers.set(1, "说明");
        List<LayoutRow> rows = read(rawFile(SHEET.name(), headers, List.of(row("H1", "别名列"))));

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.errors()).isEmpty();
            assertThat((String) r.get("text")).isEqualTo("别名列");
        });
    }

    @Example
    void citizenIdsInErrorsAreMasked() {
        List<Object> cells = new ArrayList<>(row("H1", "文"));
        cells.set(7, "110101199003077777\u0001");
        List<RowError> errors = errorsOf(rawFile(SHEET.name(), SHEET.headers(), List.of(cells)));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.column()).isEqualTo("身份证号");
            assertThat(e.value()).doesNotContain("199003077");
        });
    }

    // ---- output is inert and typed ----

    @Example
    void formulaTextIsWrittenInertAndReadBackAsText() {
        List<String> hostile = List.of("=HYPERLINK(\"http://evil\",\"点我\")", "@SUM(A1:A9)", "+1+1", "-2+3",
                "=cmd|' /C calc'!A0");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            Map<String, Object> m = new HashMap<>();
            m.put("id", "H" + i);
            m.put("text", hostile.get(i));
            rows.add(m);
        }
        byte[] file = write(rows);

        for (String h : hostile) {
            assertInert(file, h);
        }
        assertThat(read(file)).extracting(r -> (Object) r.get("text")).containsExactlyElementsOf(hostile);
    }

    @Example
    void leadingTabAndCarriageReturnAreInert() {
        Map<String, Object> m = new HashMap<>();
        m.put("id", "H1");
        m.put("text", "\t=1+2");
        Map<String, Object> n = new HashMap<>();
        n.put("id", "H2");
        n.put("text", "\r=3+4");
        byte[] file = write(List.of(m, n));

        assertInert(file, "\t=1+2");
        assertInert(file, "\r=3+4");
    }

    @Example
    void numbersStayNumbersAndControlCharactersAreRemoved() {
        Map<String, Object> m = new HashMap<>();
        m.put("id", "H1");
        m.put("amount", new BigDecimal("12345.67"));
        m.put("count", 42L);
        m.put("text", "张\u0000三\u001b");
        byte[] file = write(List.of(m));

        assertNumeric(file, "12345.67");
        assertNumeric(file, "42");
        LayoutRow back = read(file).get(0);
        assertThat(back.errors()).isEmpty();
        assertThat((String) back.get("text")).isEqualTo("张三");
    }

    // ---- helpers ----

    /** A row of the test sheet with an id and a text, other cells blank. */
    protected static List<Object> row(String id, Object text) {
        List<Object> cells = new ArrayList<>();
        SHEET.headers().forEach(h -> cells.add(null));
        cells.set(0, id);
        cells.set(1, text);
        return cells;
    }

    protected byte[] write(List<Map<String, Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LayoutWriter w = new LayoutWriter(format().writer(out))) {
            w.startSheet(SHEET);
            rows.forEach(w::row);
        }
        return out.toByteArray();
    }

    protected List<LayoutRow> read(byte[] file) {
        List<LayoutRow> out = new ArrayList<>();
        try (LayoutReader r = new LayoutReader(format().reader(new ByteArrayInputStream(file)), LAYOUT)) {
            for (LayoutRow row = r.next(); row != null; row = r.next()) {
                out.add(row);
            }
        }
        return out;
    }

    protected List<RowError> errorsOf(byte[] file) {
        return read(file).stream().flatMap(r -> r.errors().stream()).toList();
    }

    private static Map<String, Object> normalised(Map<String, Object> values) {
        Map<String, Object> out = new HashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v);
            }
        });
        return out;
    }
}

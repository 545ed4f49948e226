package org.jingzhun.exchange.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Example;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jingzhun.exchange.xlsx.internal.XlsxFormatFactory;
import org.jingzhun.spi.exchange.ExchangeException;
import org.jingzhun.spi.exchange.ExchangeFormat;
import org.jingzhun.spi.exchange.LayoutRow;
import org.jingzhun.spi.exchange.LayoutWriter;
import org.jingzhun.spi.exchange.Layouts;
import org.jingzhun.testkit.exchange.AbstractExchangeFormatContractTest;

/** The xlsx format against the exchange contract, plus the refusal of hostile and foreign files. */
class XlsxFormatContractTest extends AbstractExchangeFormatContractTest {
    private final ExchangeFormat format = new XlsxFormatFactory().create(XlsxConfig.defaults(), Clock::systemUTC);

    @Override
    protected ExchangeFormat format() {
        return format;
    }

    @Override
    protected byte[] rawFile(String sheet, List<String> headers, List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet(sheet);
            for (int c = 0; c < headers.size(); c++) {
                ws.value(0, c, headers.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    if (v instanceof Formula f) {
                        ws.formula(r + 1, c, f.text().substring(1));
                    } else if (v instanceof Number n) {
                        ws.value(r + 1, c, n);
                    } else if (v != null) {
                        ws.value(r + 1, c, excelEscapes(v.toString()));
                    }
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Control characters as Excel stores them (XML cannot hold them): {@code _x0007_}. */
    private static String excelEscapes(String text) {
        StringBuilder sb = new StringBuilder();
        text.chars().forEach(ch -> sb.append(ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r'
                ? String.format("_x%04X_", ch) : String.valueOf((char) ch)));
        return sb.toString();
    }

    @Override
    protected boolean hasFormulas() {
        return true;
    }

    @Override
    protected void assertInert(byte[] file, String text) {
        List<org.dhatim.fastexcel.reader.Cell> cells = cells(file);
        assertThat(cells).noneMatch(c -> c.getType() == CellType.FORMULA);
        assertThat(cells).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo(CellType.STRING);
            assertThat(c.asString()).isEqualTo(text);
        });
    }

    @Override
    protected void assertNumeric(byte[] file, String digits) {
        assertThat(cells(file)).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo(CellType.NUMBER);
            assertThat(c.asNumber()).isEqualByComparingTo(digits);
        });
    }

    private static List<org.dhatim.fastexcel.reader.Cell> cells(byte[] file) {
        List<org.dhatim.fastexcel.reader.Cell> out = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            for (Row r : wb.getFirstSheet().read()) {
                r.forEach(c -> {
                    if (c != null) {
                        out.add(c);
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private ExchangeException refusal(byte[] file, XlsxConfig config) {
        ExchangeFormat f = new XlsxFormatFactory().create(config, Clock::systemUTC);
        try {
            f.reader(new ByteArrayInputStream(file)).close();
        } catch (ExchangeException e) {
            return e;
        }
        throw new AssertionError("file was accepted");
    }

    @Example
    void severalSheetsAreWrittenAndReadInOrder() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LayoutWriter w = new LayoutWriter(format.writer(out))) {
            w.startSheet(Layouts.NATIONAL.sheets().get(0));
            w.row(Map.of(Layouts.HOUSEHOLD_NUMBER, "341702-1", "region", "341702100201"));
            w.startSheet(Layouts.NATIONAL.sheets().get(1));
            w.row(Map.of(Layouts.HOUSEHOLD_NUMBER, "341702-1", "name", "张三"));
        }
        List<LayoutRow> rows = new ArrayList<>();
        try (var r = new org.jingzhun.spi.exchange.LayoutReader(
                format.reader(new ByteArrayInputStream(out.toByteArray())), Layouts.NATIONAL)) {
            for (LayoutRow row = r.next(); row != null; row = r.next()) {
                rows.add(row);
            }
        }
        assertThat(rows).extracting(r -> r.sheet().name()).containsExactly("户信息", "家庭成员");
        assertThat((String) rows.get(1).get("name")).isEqualTo("张三");

        try (var only = new org.jingzhun.spi.exchange.LayoutReader(format.reader(new ByteArrayInputStream(
                out.toByteArray())), Layouts.NATIONAL, Layouts.NATIONAL.sheets().get(1))) {
            LayoutRow member = only.next();
            assertThat((String) member.get("name")).isEqualTo("张三");
            assertThat(member.rowNumber()).isEqualTo(2);
            assertThat(only.next()).isNull();
        }
    }

    @Example
    void aCitizenIdStoredAsANumberIsARowError() {
        List<Object> cells = row("H1", "文");
        cells.set(7, 341702196503020011L);

        assertThat(errorsOf(rawFile(SHEET.name(), SHEET.headers(), List.of(cells))))
                .extracting(e -> e.code()).containsExactly("exchange.id_as_number");
    }

    @Example
    void excelEscapesRoundTrip() {
        byte[] file = write(List.of(Map.of("id", "H1", "text", "文本_x0041_原样")));

        assertThat(read(file)).singleElement()
                .satisfies(r -> assertThat((String) r.get("text")).isEqualTo("文本_x0041_原样"));
    }

    @Example
    void zipBombsAreRefusedBeforeParsing() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) {
                zip.write(zeros);
            }
        }

        ExchangeException e = refusal(bytes.toByteArray(), XlsxConfig.defaults());
        assertThat(e.code()).isEqualTo("exchange.zip_bomb");
        assertThat(e.messageZh()).contains("上限");
        assertThat(refusal(bytes.toByteArray(), new XlsxConfig(null, null, 10_000L, 100_000)).code())
                .isEqualTo("exchange.zip_bomb");
    }

    @Example
    void filesLargerThanTheLimitAreRefused() {
        byte[] file = write(List.of(Map.of("id", "H1", "text", "文".repeat(5000))));

        assertThat(refusal(file, new XlsxConfig(2048L, null, null, null)).code()).isEqualTo("exchange.zip_bomb");
    }

    @Example
    void tooManyEntriesAreRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < 20; i++) {
                zip.putNextEntry(new ZipEntry("xl/part" + i + ".xml"));
                zip.write('x');
            }
        }

        assertThat(refusal(bytes.toByteArray(), new XlsxConfig(null, 10, null, null)).code())
                .isEqualTo("exchange.zip_bomb");
    }

    @Example
    void encryptedLegacyAndForeignFilesAreRefusedClearly() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        byte[] encrypted = new byte[4096];
        System.arraycopy(ole2, 0, encrypted, 0, 8);
        byte[] marker = "EncryptionInfo".getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(marker, 0, encrypted, 1024, marker.length);
        byte[] legacy = new byte[4096];
        System.arraycopy(ole2, 0, legacy, 0, 8);

        ExchangeException enc = refusal(encrypted, XlsxConfig.defaults());
        assertThat(enc.code()).isEqualTo("exchange.encrypted");
        assertThat(enc.messageZh()).contains("密码");
        assertThat(refusal(legacy, XlsxConfig.defaults()).code()).isEqualTo("exchange.not_xlsx");
        assertThat(refusal("编号,文本\r\n".getBytes(StandardCharsets.UTF_8), XlsxConfig.defaults()).code())
                .isEqualTo("exchange.not_xlsx");
    }

    @Example
    void aZipWithoutWorkbookIsNotAnXlsx() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w/>".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(refusal(bytes.toByteArray(), XlsxConfig.defaults()).code()).isEqualTo("exchange.not_xlsx");
        assertThatThrownBy(() -> refusal(write(List.of(Map.of("id", "H1", "amount", BigDecimal.ONE))),
                XlsxConfig.defaults())).isInstanceOf(AssertionError.class).hasMessageContaining("accepted");
    }
}

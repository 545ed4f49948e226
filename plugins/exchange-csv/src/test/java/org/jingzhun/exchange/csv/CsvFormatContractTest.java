package org.jingzhun.exchange.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import org.jingzhun.exchange.csv.internal.CsvFormatFactory;
import org.jingzhun.spi.exchange.ExchangeException;
import org.jingzhun.spi.exchange.ExchangeFormat;
import org.jingzhun.spi.exchange.ExchangeWriter;
import org.jingzhun.spi.exchange.LayoutRow;
import org.jingzhun.testkit.exchange.AbstractExchangeFormatContractTest;

/** The CSV format against the exchange contract, plus its encodings, byte-order mark and line ends. */
class CsvFormatContractTest extends AbstractExchangeFormatContractTest {
    private final ExchangeFormat format = new CsvFormatFactory().create(CsvConfig.defaults(), Clock::systemUTC);

    @Override
    protected ExchangeFormat format() {
        return format;
    }

    @Override
    protected byte[] rawFile(String sheet, List<String> headers, List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, new ArrayList<>(headers));
        rows.forEach(r -> line(sb, r));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder sb, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            Object v = cells.get(i);
            String text = v == null ? "" : v instanceof Formula f ? f.text() : v.toString();
            if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
                text = "\"" + text.replace("\"", "\"\"") + "\"";
            }
            sb.append(i == 0 ? "" : ",").append(text);
        }
        sb.append("\r\n");
    }

    @Override
    protected boolean hasFormulas() {
        return true;
    }

    @Override
    protected void assertInert(byte[] file, String text) {
        List<String> cells = cells(file);
        assertThat(cells).contains("'" + text).doesNotContain(text);
    }

    @Override
    protected void assertNumeric(byte[] file, String digits) {
        assertThat(cells(file)).contains(digits);
        assertThat(new String(file, StandardCharsets.UTF_8)).doesNotContain("\"" + digits + "\"");
    }

    private static List<String> cells(byte[] file) {
        List<String> out = new ArrayList<>();
        try (MappingIterator<String[]> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(String[].class).readValues(new String(file, StandardCharsets.UTF_8).substring(1))) {
            while (it.hasNext()) {
                out.addAll(List.of(it.next()));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    @Example
    void outputIsUtf8WithByteOrderMarkAndCrlf() {
        byte[] file = write(List.of(Map.of("id", "户1", "text", "张三")));

        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(file, StandardCharsets.UTF_8);
        assertThat(text).contains("编号,文本").contains("\r\n").doesNotContain("\n\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
    }

    @Example
    void theSeparatorIsConfigurable() {
        ExchangeFormat semicolons = new CsvFormatFactory().create(new CsvConfig(";"), Clock::systemUTC);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExchangeWriter w = semicolons.writer(out)) {
            w.startSheet("", List.of("编号", "文本"));
            w.row(List.of("户1", "张三,李四"));
        }

        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).startsWith("\uFEFF编号;文本\r\n");
        try (var r = semicolons.reader(new ByteArrayInputStream(out.toByteArray()))) {
            r.next();
            assertThat(r.next().cells()).extracting(c -> c.text()).containsExactly("户1", "张三,李四");
        }
    }

    @Example
    void gb18030InputIsDetected() {
        String csv = "编号,文本,致贫原因\r\n户1,刘街村三组,因病\r\n";
        List<LayoutRow> rows = read(csv.getBytes(Charset.forName("GB18030")));

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.errors()).isEmpty();
            assertThat((String) r.get("text")).isEqualTo("刘街村三组");
        });
    }

    @Example
    void utf8WithoutByteOrderMarkIsRead() {
        List<LayoutRow> rows = read("编号,文本\r\n户1,源溪村\r\n".getBytes(StandardCharsets.UTF_8));

        assertThat(rows).singleElement().satisfies(r -> assertThat((String) r.get("text")).isEqualTo("源溪村"));
    }

    @Example
    void bytesInvalidInTheDetectedEncodingRefuseTheFile() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] head = ("编号,文本\r\n" + "户1,正常\r\n".repeat(8000)).getBytes(StandardCharsets.UTF_8);
        bytes.write(head, 0, head.length);
        bytes.write(new byte[] {(byte) 0xC3, 0x28, '\r', '\n'}, 0, 4);

        assertThatThrownBy(() -> read(bytes.toByteArray())).isInstanceOf(ExchangeException.class)
                .satisfies(e -> assertThat(((ExchangeException) e).code()).isEqualTo("exchange.encoding"));
    }

    @Example
    void aSecondSheetIsRefusedClearly() {
        assertThat(format.multipleSheets()).isFalse();
        try (ExchangeWriter w = format.writer(new ByteArrayOutputStream())) {
            w.startSheet("户信息", List.of("户编号"));
            assertThatThrownBy(() -> w.startSheet("家庭成员", List.of("姓名")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("one sheet");
        }
    }

    @Example
    void readerKeepsTheCallersStreamUsable() {
        ByteArrayInputStream in = new ByteArrayInputStream("编号\r\n户1\r\n".getBytes(StandardCharsets.UTF_8));
        try (var r = format.reader(in)) {
            assertThat(r.next().cells()).hasSize(1);
        }
    }
}

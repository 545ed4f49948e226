package org.jingzhun.exchange.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import org.jingzhun.exchange.json.internal.JsonFormatFactory;
import org.jingzhun.spi.exchange.ExchangeFormat;
import org.jingzhun.spi.exchange.RowError;
import org.jingzhun.testkit.exchange.AbstractExchangeFormatContractTest;

/** The NDJSON format against the exchange contract, plus its one-object-per-line shape. */
class JsonFormatContractTest extends AbstractExchangeFormatContractTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ExchangeFormat format = new JsonFormatFactory().create(JsonConfig.defaults(), Clock::systemUTC);

    @Override
    protected ExchangeFormat format() {
        return format;
    }

    @Override
    protected byte[] rawFile(String sheet, List<String> headers, List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder();
        for (List<Object> row : rows) {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("表", sheet);
            for (int i = 0; i < headers.size(); i++) {
                Object v = i < row.size() ? row.get(i) : null;
                if (v == null) {
                    o.putNull(headers.get(i));
                } else if (v instanceof Number n) {
                    o.put(headers.get(i), new BigDecimal(n.toString()));
                } else {
                    o.put(headers.get(i), v instanceof Formula f ? f.text() : v.toString());
                }
            }
            sb.append(o).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected long dataRow(int n) {
        return n;
    }

    @Override
    protected boolean hasFormulas() {
        return false;
    }

    @Override
    protected void assertInert(byte[] file, String text) {
        assertThat(lines(file)).anySatisfy(o -> {
            assertThat(o.get("文本").isTextual()).isTrue();
            assertThat(o.get("文本").textValue()).isEqualTo(text);
        });
    }

    @Override
    protected void assertNumeric(byte[] file, String digits) {
        assertThat(lines(file)).anySatisfy(o -> assertThat(o.properties()).anySatisfy(e -> {
            assertThat(e.getValue().isNumber()).isTrue();
            assertThat(e.getValue().decimalValue()).isEqualByComparingTo(digits);
        }));
    }

    private static List<JsonNode> lines(byte[] file) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : new String(file, StandardCharsets.UTF_8).split("\n")) {
            try {
                out.add(MAPPER.readTree(line));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    @Example
    void oneObjectPerLineWithTheSheetName() {
        byte[] file = write(List.of(Map.of("id", "户1"), Map.of("id", "户2")));

        List<JsonNode> lines = lines(file);
        assertThat(lines).hasSize(2).allSatisfy(o -> {
            assertThat(o.get("表").textValue()).isEqualTo(SHEET.name());
            assertThat(o.has("金额(元)")).isTrue();
        });
        assertThat(new String(file, StandardCharsets.UTF_8)).endsWith("}\n").doesNotContain("\n ");
    }

    @Example
    void linesLongerThanTheLimitAreRowErrors() {
        ExchangeFormat small = new JsonFormatFactory().create(new JsonConfig(1024), Clock::systemUTC);
        String text = "{\"表\":\"测试表\",\"编号\":\"户1\"}\n{\"表\":\"测试表\",\"编号\":\"" + "长".repeat(2000)
                + "\"}\n";
        List<org.jingzhun.spi.exchange.LayoutRow> rows = new ArrayList<>();
        try (var r = new org.jingzhun.spi.exchange.LayoutReader(small.reader(
                new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))), LAYOUT)) {
            for (var row = r.next(); row != null; row = r.next()) {
                rows.add(row);
            }
        }

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).errors()).extracting(RowError::code).containsExactly("exchange.cell_error");
    }

    @Example
    void aLineThatIsNotAnObjectIsARowError() {
        String text = "{\"表\":\"测试表\",\"编号\":\"户1\"}\n[1,2]\n{\"表\":\"测试表\",\"编号\":\"户3\"}\n";
        List<RowError> errors = errorsOf(text.getBytes(StandardCharsets.UTF_8));

        assertThat(errors).extracting(RowError::row, RowError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "exchange.cell_error"));
    }
}

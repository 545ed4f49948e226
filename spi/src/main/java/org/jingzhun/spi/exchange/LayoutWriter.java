package org.jingzhun.spi.exchange;

import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jingzhun.spi.CodedEnum;

/**
 * Writes rows through a {@link Layout} (按表样写出): Chinese headers, coded values as their zh labels (several joined
 * with {@code 、}), yes/no as 是/否, numbers as numbers, dates as ISO text. Extra columns (an error column) may follow
 * the layout's.
 */
public final class LayoutWriter implements AutoCloseable {
    private final ExchangeWriter writer;
    private SheetLayout sheet;

    public LayoutWriter(ExchangeWriter writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /** Starts a sheet of the layout, with optional extra headers after the layout's. */
    public void startSheet(SheetLayout sheet, String... extraHeaders) {
        this.sheet = sheet;
        List<String> headers = new ArrayList<>(sheet.headers());
        headers.addAll(List.of(extraHeaders));
        writer.startSheet(sheet.name(), headers);
    }

    /** Writes one row: values by column key (absent keys are blank cells), then the extra cells. */
    public void row(Map<String, ?> values, Object... extras) {
        if (sheet == null) {
            throw new IllegalStateException("startSheet first");
        }
        List<Object> cells = new ArrayList<>(sheet.columns().size() + extras.length);
        for (Column c : sheet.columns()) {
            cells.add(cell(values.get(c.key())));
        }
        for (Object e : extras) {
            cells.add(cell(e));
        }
        writer.row(cells);
    }

    /** The cell written for a typed value. */
    static Object cell(Object v) {
        if (v == null || v instanceof String) {
            return v;
        }
        if (v instanceof BigDecimal || v instanceof Long || v instanceof Integer) {
            return v;
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (v instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (v instanceof CodedEnum e) {
            return e.label();
        }
        if (v instanceof Collection<?> many) {
            return many.stream().map(o -> String.valueOf(cell(o))).collect(Collectors.joining("、"));
        }
        if (v instanceof TemporalAccessor) {
            return v.toString();
        }
        return v.toString();
    }

    @Override
    public void close() {
        writer.close();
    }
}

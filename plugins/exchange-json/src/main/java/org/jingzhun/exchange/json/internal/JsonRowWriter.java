package org.jingzhun.exchange.json.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.jingzhun.spi.exchange.CellText;
import org.jingzhun.spi.exchange.ExchangeWriter;

/**
 * Writes one JSON object per line (LF), every header present on every line (blank cells as {@code null}) so the
 * first line of a sheet names all its columns. Numbers are JSON numbers; text loses its control characters.
 */
final class JsonRowWriter implements ExchangeWriter {
    private final JsonGenerator out;
    private String sheet;
    private List<String> headers;

    JsonRowWriter(ObjectMapper mapper, OutputStream target) {
        try {
            out = mapper.getFactory().createGenerator(target);
            out.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void startSheet(String name, List<String> headers) {
        this.sheet = name;
        this.headers = List.copyOf(headers);
    }

    @Override
    public void row(List<?> values) {
        if (headers == null) {
            throw new IllegalStateException("startSheet first");
        }
        try {
            out.writeStartObject();
            out.writeStringField(JsonFormat.SHEET_KEY, sheet);
            for (int i = 0; i < headers.size(); i++) {
                out.writeFieldName(headers.get(i));
                Object v = i < values.size() ? values.get(i) : null;
                if (v == null) {
                    out.writeNull();
                } else if (v instanceof BigDecimal d) {
                    out.writeNumber(d);
                } else if (v instanceof Long || v instanceof Integer) {
                    out.writeNumber(((Number) v).longValue());
                } else if (v instanceof Number n) {
                    out.writeNumber(new BigDecimal(n.toString()));
                } else {
                    out.writeString(CellText.withoutControls(v.toString()));
                }
            }
            out.writeEndObject();
            out.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.flush();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

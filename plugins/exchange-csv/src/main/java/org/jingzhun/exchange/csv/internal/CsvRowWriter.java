package org.jingzhun.exchange.csv.internal;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jingzhun.spi.exchange.CellText;
import org.jingzhun.spi.exchange.ExchangeWriter;

/**
 * Writes CSV in UTF-8 with a byte-order mark and CRLF. Numbers are written bare; text loses its control characters,
 * and text a spreadsheet would run as a formula (or that starts with an apostrophe) gets a leading apostrophe.
 */
final class CsvRowWriter implements ExchangeWriter {
    private final Writer out;
    private final SequenceWriter rows;
    private boolean sheetStarted;

    CsvRowWriter(CsvMapper mapper, CsvSchema schema, OutputStream target) {
        try {
            out = new OutputStreamWriter(new NonClosing(target), StandardCharsets.UTF_8);
            out.write('\uFEFF');
            rows = mapper.writer(schema).writeValues(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void startSheet(String name, List<String> headers) {
        if (sheetStarted) {
            throw new IllegalStateException("a CSV file holds one sheet; " + name + " needs a file of its own");
        }
        sheetStarted = true;
        row(headers);
    }

    @Override
    public void row(List<?> values) {
        List<Object> cells = new ArrayList<>(values.size());
        for (Object v : values) {
            cells.add(cell(v));
        }
        try {
            rows.write(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Object cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Number) {
            return v;
        }
        String text = CellText.withoutControls(v.toString());
        return CellText.needsInertPrefix(text) || text.startsWith("'") ? "'" + text : text;
    }

    @Override
    public void close() {
        try {
            // Closing the sequence closes the writer, which flushes into the caller's (still open) stream.
            rows.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps the caller's stream open when the CSV writer is closed. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

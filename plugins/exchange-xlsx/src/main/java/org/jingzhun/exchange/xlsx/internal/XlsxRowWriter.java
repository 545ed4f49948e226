package org.jingzhun.exchange.xlsx.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jingzhun.spi.exchange.CellText;
import org.jingzhun.spi.exchange.ExchangeWriter;

/**
 * Writes a workbook streaming: rows are flushed to the zip every {@value #FLUSH_EVERY} rows and each sheet is
 * finished before the next begins. Text goes into inline string cells, which a spreadsheet never evaluates, so a text
 * beginning with {@code =} stays text; numbers are numeric cells.
 */
final class XlsxRowWriter implements ExchangeWriter {
    private static final int FLUSH_EVERY = 1_000;
    private final Workbook workbook;
    private Worksheet sheet;
    private int row;

    XlsxRowWriter(OutputStream out) {
        this.workbook = new Workbook(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        }, "Jingzhun", "1.0");
    }

    @Override
    public void startSheet(String name, List<String> headers) {
        try {
            if (sheet != null) {
                sheet.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sheet = workbook.newWorksheet(name);
        row = 0;
        row(headers);
    }

    @Override
    public void row(List<?> values) {
        if (sheet == null) {
            throw new IllegalStateException("startSheet first");
        }
        for (int c = 0; c < values.size(); c++) {
            Object v = values.get(c);
            if (v == null) {
                continue;
            }
            if (v instanceof BigDecimal d) {
                sheet.value(row, c, d);
            } else if (v instanceof Number n) {
                sheet.value(row, c, n);
            } else {
                String text = ExcelEscapes.encode(CellText.withoutControls(v.toString()));
                if (!text.isEmpty()) {
                    sheet.inlineString(row, c, text);
                }
            }
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            try {
                sheet.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        try {
            if (sheet != null) {
                sheet.finish();
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

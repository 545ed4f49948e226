package org.jingzhun.exchange.xlsx.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jingzhun.exchange.xlsx.XlsxConfig;
import org.jingzhun.spi.exchange.Cell;
import org.jingzhun.spi.exchange.CellKind;
import org.jingzhun.spi.exchange.ExchangeException;
import org.jingzhun.spi.exchange.ExchangeReader;
import org.jingzhun.spi.exchange.SheetRow;

/**
 * Streams the rows of every sheet of a workbook that passed {@link XlsxGate}, in sheet order. String cells are text
 * however they begin (a spreadsheet never runs them); formula cells are reported as formulas, never evaluated.
 */
final class XlsxRowReader implements ExchangeReader {
    private final Path file;
    private final ReadableWorkbook workbook;
    private final Iterator<Sheet> sheets;
    private Sheet sheet;
    private Stream<Row> stream;
    private Iterator<Row> rows;

    private XlsxRowReader(Path file, ReadableWorkbook workbook) {
        this.file = file;
        this.workbook = workbook;
        this.sheets = workbook.getSheets().toList().iterator();
    }

    static XlsxRowReader open(InputStream in, XlsxConfig config) {
        Path file = XlsxGate.admit(in, config);
        try {
            return new XlsxRowReader(file, new ReadableWorkbook(file.toFile()));
        } catch (IOException | RuntimeException e) {
            XlsxGate.delete(file);
            throw new ExchangeException("exchange.not_xlsx", e, String.valueOf(e.getMessage()));
        }
    }

    @Override
    public SheetRow next() {
        try {
            while (rows == null || !rows.hasNext()) {
                closeStream();
                if (!sheets.hasNext()) {
                    return null;
                }
                sheet = sheets.next();
                stream = sheet.openStream();
                rows = stream.iterator();
            }
            Row row = rows.next();
            List<Cell> cells = new ArrayList<>(row.getCellCount());
            for (int i = 0; i < row.getCellCount(); i++) {
                cells.add(cell(row.getCell(i)));
            }
            return new SheetRow(sheet.getName(), row.getRowNum(), cells);
        } catch (IOException e) {
            throw new ExchangeException("exchange.unreadable", e, e.getMessage());
        } catch (ExchangeException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ExchangeException("exchange.unreadable", e, String.valueOf(e.getMessage()));
        }
    }

    /** Closes the current sheet's stream unread; the next call opens the next sheet. */
    @Override
    public void skipSheet() {
        closeStream();
        rows = null;
    }

    private static Cell cell(org.dhatim.fastexcel.reader.Cell c) {
        if (c == null) {
            return Cell.text("");
        }
        return switch (c.getType()) {
            case NUMBER -> Cell.number(c.asNumber().toPlainString());
            case STRING -> Cell.text(ExcelEscapes.decode(c.asString()));
            case FORMULA -> new Cell(CellKind.FORMULA, "=" + c.getFormula());
            case ERROR -> new Cell(CellKind.ERROR, c.getRawValue());
            case BOOLEAN -> new Cell(CellKind.BOOLEAN, String.valueOf(c.asBoolean()));
            case EMPTY -> Cell.text("");
        };
    }

    private void closeStream() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    @Override
    public void close() {
        try {
            closeStream();
            workbook.close();
        } catch (IOException e) {
            throw new ExchangeException("exchange.unreadable", e, e.getMessage());
        } finally {
            XlsxGate.delete(file);
        }
    }
}

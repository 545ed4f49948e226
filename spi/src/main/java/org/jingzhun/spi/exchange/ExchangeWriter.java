package org.jingzhun.spi.exchange;

import java.util.List;

/**
 * Streams rows into a file, one sheet after another. Values are {@code null}, {@link String} or {@link Number};
 * numbers are written as numbers and every text is made inert: control characters are removed and a text a
 * spreadsheet would run as a formula ({@link CellText#needsInertPrefix}) is written as plain text.
 */
public interface ExchangeWriter extends AutoCloseable {
    /** Starts a sheet with its header row; formats with one sheet per file write only the first sheet's header. */
    void startSheet(String name, List<String> headers);

    /** Writes one row of the current sheet. */
    void row(List<?> values);

    /** Finishes the file; the underlying stream stays open. */
    @Override
    void close();
}

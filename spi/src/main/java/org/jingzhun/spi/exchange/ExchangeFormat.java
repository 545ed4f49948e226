package org.jingzhun.spi.exchange;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A file format households travel in (交换格式: spreadsheets, CSV, NDJSON). It only moves rows of cells: what the
 * columns mean is a {@link Layout}, shared by every format. Readers and writers stream, one row at a time, so a file
 * of any size is read and written in constant memory.
 */
public interface ExchangeFormat {
    /** Stable name, equal to the factory's, e.g. {@code xlsx}. */
    String name();

    /** IANA media type of the files written, e.g. {@code text/csv}. */
    String mediaType();

    /** File extension without the dot, e.g. {@code xlsx}. */
    String fileExtension();

    /**
     * Whether a file can hold several sheets. A format with one sheet per file (CSV) carries only single-sheet
     * layouts; hosts refuse the others with {@code exchange.one_sheet} before writing anything.
     */
    default boolean multipleSheets() {
        return true;
    }

    /**
     * Opens a reader over {@code in}. The reader does not close {@code in}.
     *
     * @throws ExchangeException when the input is not a file of this format, or is encrypted or hostile
     */
    ExchangeReader reader(InputStream in);

    /** Opens a writer onto {@code out}; {@link ExchangeWriter#close()} finishes the file but leaves {@code out} open. */
    ExchangeWriter writer(OutputStream out);
}

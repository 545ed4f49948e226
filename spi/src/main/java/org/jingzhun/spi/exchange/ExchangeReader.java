package org.jingzhun.spi.exchange;

/**
 * Streams the rows of a file, sheet after sheet, each sheet's first row being its header row. Rows come exactly as in
 * the file; cleaning and typing them is the job of {@link LayoutReader}.
 */
public interface ExchangeReader extends AutoCloseable {
    /**
     * The next row, or {@code null} at the end of the file.
     *
     * @throws ExchangeException when the file turns out to be unreadable or hostile part-way through
     */
    SheetRow next();

    /**
     * A hint that the rest of the current sheet is not wanted: a format that can jump to the next sheet without
     * parsing this one (xlsx) does so, and {@link #next()} then returns the next sheet's header row; others ignore it
     * and go on returning the sheet's rows, which the caller passes over.
     */
    default void skipSheet() {
    }

    @Override
    void close();
}

package org.jingzhun.core.exchange;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.jingzhun.spi.exchange.Layout;
import org.jingzhun.spi.exchange.RowError;

/**
 * The outcome of an import (导入结果): counts, whether anything was committed, whether it was cancelled, and every
 * row error (up to the limit kept; {@link #errorCount()} counts them all). Pass it to
 * {@link ExchangeService#writeErrorReport} for a file the clerk can fix and import again.
 *
 * @param registered households registered (or, in a dry run or a rolled-back import, that would have been)
 * @param amended    households matched by household number or head's citizen ID and amended
 * @param incomes    income statements recorded
 * @param refused    households refused
 * @param committed  whether the writes were committed (false for a dry run, a rolled-back all-or-nothing import)
 * @param errors     the row errors kept, in the order found
 * @param reportRows for the error report: by layout sheet, the rows of every refused household with their
 *                   problems in Chinese (empty for a row refused only with its household)
 */
public record ImportResult(Path file, Layout layout, String format, ImportMode mode, long rowsRead,
        long householdsRead, long registered, long amended, long incomes, long refused, boolean committed,
        boolean cancelled, long errorCount, List<RowError> errors, Map<String, SortedMap<Long, String>> reportRows) {

    public ImportResult {
        errors = List.copyOf(errors);
        reportRows = Map.copyOf(reportRows);
    }

    /** Whether no row was refused. */
    public boolean clean() {
        return errorCount == 0;
    }
}

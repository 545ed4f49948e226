package org.jingzhun.core.exchange;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.jingzhun.spi.exchange.Layout;

/**
 * What an import does (导入选项): the layout the file follows, the mode, the reason recorded in the audit, the format
 * ({@code null}: chosen by the file's extension), households per chunk (default 5,000), how many row errors are kept
 * in the result (further ones are counted), a progress listener and a cancellation check polled between rows.
 */
public record ImportOptions(Layout layout, ImportMode mode, String reason, String format, int chunkSize,
        int maxErrorsKept, ImportListener listener, BooleanSupplier cancelled) {
    public static final int DEFAULT_CHUNK = 5_000;
    public static final int DEFAULT_MAX_ERRORS = 100_000;

    public ImportOptions {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(mode, "mode");
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be at least 1");
        }
        if (maxErrorsKept < 0) {
            throw new IllegalArgumentException("maxErrorsKept must not be negative");
        }
        listener = listener == null ? ImportListener.none() : listener;
        cancelled = cancelled == null ? () -> false : cancelled;
    }

    /** Default chunk size, error limit, no listener, never cancelled, format from the file extension. */
    public static ImportOptions of(Layout layout, ImportMode mode, String reason) {
        return new ImportOptions(layout, mode, reason, null, DEFAULT_CHUNK, DEFAULT_MAX_ERRORS, null, null);
    }

    public ImportOptions withFormat(String name) {
        return new ImportOptions(layout, mode, reason, name, chunkSize, maxErrorsKept, listener, cancelled);
    }

    public ImportOptions withChunkSize(int households) {
        return new ImportOptions(layout, mode, reason, format, households, maxErrorsKept, listener, cancelled);
    }

    public ImportOptions withListener(ImportListener l) {
        return new ImportOptions(layout, mode, reason, format, chunkSize, maxErrorsKept, l, cancelled);
    }

    public ImportOptions withCancellation(BooleanSupplier c) {
        return new ImportOptions(layout, mode, reason, format, chunkSize, maxErrorsKept, listener, c);
    }

    public ImportOptions withMaxErrorsKept(int n) {
        return new ImportOptions(layout, mode, reason, format, chunkSize, n, listener, cancelled);
    }
}

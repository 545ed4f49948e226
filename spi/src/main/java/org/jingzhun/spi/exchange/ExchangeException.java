package org.jingzhun.spi.exchange;

import org.jingzhun.spi.error.JingzhunException;

/**
 * A whole file was refused (not of the expected format, encrypted, a zip bomb, an unknown encoding): nothing in it
 * was read, so there is no row to blame. Problems of single rows are {@link RowError}s instead.
 */
public class ExchangeException extends JingzhunException {
    private static final long serialVersionUID = 1L;

    public ExchangeException(String code, Object... args) {
        super(code, args);
    }

    public ExchangeException(String code, Throwable cause, Object... args) {
        super(code, cause, args);
    }
}

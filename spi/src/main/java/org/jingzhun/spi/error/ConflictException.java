package org.jingzhun.spi.error;

/**
 * A write lost a race: the stored version is not the one the caller read (optimistic locking), or a unique rule (one active household per citizen ID) would be broken. Reload and retry.
 */
public class ConflictException extends JingzhunException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String code, Object... args) {
        super(code, args);
    }

    public ConflictException(String code, Throwable cause, Object... args) {
        super(code, cause, args);
    }
}

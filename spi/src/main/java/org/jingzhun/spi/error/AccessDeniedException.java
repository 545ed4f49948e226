package org.jingzhun.spi.error;

/**
 * The principal's region scope or permissions do not cover the record or action.
 */
public class AccessDeniedException extends JingzhunException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String code, Object... args) {
        super(code, args);
    }

    public AccessDeniedException(String code, Throwable cause, Object... args) {
        super(code, cause, args);
    }
}

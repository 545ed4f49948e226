package org.jingzhun.spi.error;

/**
 * Something asked for does not exist (or is outside the caller's view: then {@link AccessDeniedException}).
 */
public class NotFoundException extends JingzhunException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String code, Object... args) {
        super(code, args);
    }

    public NotFoundException(String code, Throwable cause, Object... args) {
        super(code, cause, args);
    }
}

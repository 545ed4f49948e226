package org.jingzhun.spi.error;

/**
 * The storage backend failed (unreachable database, broken schema). Never contains a password.
 */
public class StorageException extends JingzhunException {
    private static final long serialVersionUID = 1L;

    public StorageException(String code, Object... args) {
        super(code, args);
    }

    public StorageException(String code, Throwable cause, Object... args) {
        super(code, cause, args);
    }
}

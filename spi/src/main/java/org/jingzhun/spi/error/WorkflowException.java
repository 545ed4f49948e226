package org.jingzhun.spi.error;

/**
 * An illegal step in a procedure (identification, exit, adjustment), such as approving before the public notice ran its seven days.
 */
public class WorkflowException extends JingzhunException {
    private static final long serialVersionUID = 1L;

    public WorkflowException(String code, Object... args) {
        super(code, args);
    }

    public WorkflowException(String code, Throwable cause, Object... args) {
        super(code, cause, args);
    }
}

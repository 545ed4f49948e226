package org.jingzhun.core.procedure;

/**
 * One step of a procedure (办理动作) as a transition of its state machine: the stages it is legal from and the stage
 * it leads to. Implemented by the action enums of each procedure.
 *
 * @param <S> the procedure's stage enum
 */
public interface CaseAction<S extends Enum<S> & CaseStage> {
    /** The enum constant name, recorded on each signed step. */
    String name();

    /** zh-CN label. */
    String label();

    /** The stage the action leads to. */
    S to();

    /** Whether the action may be taken in {@code stage} ({@code null}: no case yet, only the opening action). */
    boolean allowedFrom(S stage);
}

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

    /** The transition this action takes. */
    Transition<S> transition();

    /** zh-CN label. */
    default String label() {
        return transition().label();
    }

    /** The stage the action leads to. */
    default S to() {
        return transition().to();
    }

    /**
     * Whether the action may be taken in {@code stage} ({@code null}: no case yet, which only the opening action, the
     * one legal from no stage, may take).
     */
    default boolean allowedFrom(S stage) {
        return stage == null ? transition().from().isEmpty() : transition().from().contains(stage);
    }
}

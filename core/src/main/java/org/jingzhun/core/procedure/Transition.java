package org.jingzhun.core.procedure;

import java.util.Objects;
import java.util.Set;

/**
 * One transition of a procedure's state machine (状态转换): the stages an action is legal from (none for the action
 * that opens a case), the stage it leads to, and its zh-CN label.
 *
 * @param <S> the procedure's stage enum
 */
public record Transition<S extends Enum<S>>(Set<S> from, S to, String label) {
    public Transition {
        from = Set.copyOf(from);
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(label, "label");
    }
}

package org.jingzhun.core.identification;

import java.time.Instant;
import java.util.Objects;

/**
 * One signed step of a procedure (办理环节): which action moved the case from which stage to which, who did it,
 * when, and their note (a vote count, an objection, an announcement number…). A case's steps replay to its stage.
 *
 * @param action name of the action constant of the procedure
 * @param from   stage before, {@code null} for the opening step
 * @param to     stage after
 */
public record WorkflowStep(String action, String from, String to, String actorId, String actorName, Instant at,
        String note) {
    public WorkflowStep {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(at, "at");
        note = note == null ? "" : note;
    }
}

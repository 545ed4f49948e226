package org.jingzhun.core.crosscheck;

import java.util.EnumSet;
import java.util.Set;
import org.jingzhun.core.procedure.CaseAction;
import org.jingzhun.core.procedure.Transition;

/** The steps of a cross-check review (比对疑点核查): opened by a scan, then cleared with a reason or confirmed. */
public enum ReviewAction implements CaseAction<ReviewStage> {
    OPEN(EnumSet.noneOf(ReviewStage.class), ReviewStage.OPEN, "比对发现疑点"),
    CLEAR(EnumSet.of(ReviewStage.OPEN), ReviewStage.CLEARED, "核销疑点"),
    CONFIRM(EnumSet.of(ReviewStage.OPEN), ReviewStage.CONFIRMED, "确认疑点属实");

    private final Transition<ReviewStage> transition;

    ReviewAction(Set<ReviewStage> from, ReviewStage to, String label) {
        this.transition = new Transition<>(from, to, label);
    }

    @Override
    public Transition<ReviewStage> transition() {
        return transition;
    }
}

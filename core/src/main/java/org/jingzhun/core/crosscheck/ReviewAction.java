package org.jingzhun.core.crosscheck;

import java.util.EnumSet;
import java.util.Set;
import org.jingzhun.core.procedure.CaseAction;

/** The steps of a cross-check review (比对疑点核查): opened by a scan, then cleared with a reason or confirmed. */
public enum ReviewAction implements CaseAction<ReviewStage> {
    OPEN(EnumSet.noneOf(ReviewStage.class), ReviewStage.OPEN, "比对发现疑点"),
    CLEAR(EnumSet.of(ReviewStage.OPEN), ReviewStage.CLEARED, "核销疑点"),
    CONFIRM(EnumSet.of(ReviewStage.OPEN), ReviewStage.CONFIRMED, "确认疑点属实");

    private final Set<ReviewStage> from;
    private final ReviewStage to;
    private final String label;

    ReviewAction(Set<ReviewStage> from, ReviewStage to, String label) {
        this.from = from;
        this.to = to;
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public ReviewStage to() {
        return to;
    }

    @Override
    public boolean allowedFrom(ReviewStage stage) {
        return stage == null ? this == OPEN : from.contains(stage);
    }
}

package org.jingzhun.core.procedure;

import org.jingzhun.spi.CodedEnum;

/** Where a case of a procedure (办理环节) stands: a coded, labelled stage that may be final. */
public interface CaseStage extends CodedEnum {
    /** Whether no step leads out of the stage (closed cases are never overdue). */
    boolean terminal();
}

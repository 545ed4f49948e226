package org.jingzhun.core.procedure;

import java.util.List;
import org.jingzhun.core.identification.WorkflowStep;
import org.jingzhun.spi.region.RegionCode;

/**
 * What every case of a procedure (办件) carries for the shared case engine: its id (a county running number), area,
 * stage and the signed steps that lead to that stage.
 *
 * @param <S> the procedure's stage enum
 */
public interface ProcedureCase<S extends Enum<S> & CaseStage> {
    String id();

    RegionCode region();

    S stage();

    List<WorkflowStep> steps();
}

package org.jingzhun.core.procedure;

import java.time.LocalDate;
import org.jingzhun.spi.region.RegionCode;

/**
 * An open case past the deadline its procedure allows (超期未办结): which case, where it stands, when it opened and
 * when it was due.
 *
 * @param procedure   the case kind, e.g. {@code monitoring-case}
 * @param daysOverdue whole days between the due date and the date asked about
 */
public record OverdueCase(String procedure, String caseId, RegionCode region, String stage, LocalDate openedOn,
        LocalDate dueOn, long daysOverdue) {
}

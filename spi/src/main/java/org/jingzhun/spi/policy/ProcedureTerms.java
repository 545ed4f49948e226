package org.jingzhun.spi.policy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The periods and deadlines of the procedures (程序时限), as a pack sets them for its region. Only the notice
 * minimums of entry and exit (≥ 7 days) and monitoring (≥ 5 days) and the 6-month stable period are from the
 * sources; the decision deadlines are local practice <b>[unconfirmed]</b>, so they are parameters (REFERENCE §3, §6).
 *
 * @param entryNoticeDays         days each entry notice (识别公示) runs at least
 * @param exitNoticeDays          days a household exit notice (退出公示) runs at least
 * @param monitoringNoticeDays    days a monitoring notice (监测对象公示) runs at least
 * @param areaNoticeDays          days a village exit notice (贫困村出列公示) runs at least
 * @param entryDecisionDays       days from application to the county decision before a case is overdue
 * @param exitDecisionDays        days from assessment to delisting before a case is overdue
 * @param monitoringDecisionDays  days from a monitoring lead to the county decision (about 15)
 * @param areaDecisionDays        days from a village's or county's exit application to the final decision
 * @param stableMonths            months a monitored household must stay stable before its risk is cleared
 */
public record ProcedureTerms(
        @Min(1) @Max(60) int entryNoticeDays,
        @Min(1) @Max(60) int exitNoticeDays,
        @Min(1) @Max(60) int monitoringNoticeDays,
        @Min(1) @Max(60) int areaNoticeDays,
        @Min(1) @Max(366) int entryDecisionDays,
        @Min(1) @Max(366) int exitDecisionDays,
        @Min(1) @Max(366) int monitoringDecisionDays,
        @Min(1) @Max(730) int areaDecisionDays,
        @Min(0) @Max(60) int stableMonths) {

    /** Notices 7 / 7 / 5 / 7 days; decisions within 60 / 45 / 15 / 180 days; 6 stable months. */
    public static ProcedureTerms defaults() {
        return new ProcedureTerms(7, 7, 5, 7, 60, 45, 15, 180, 6);
    }
}

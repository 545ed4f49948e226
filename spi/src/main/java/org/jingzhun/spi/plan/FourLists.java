package org.jingzhun.spi.plan;

import org.jingzhun.spi.funds.FundSourceKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The four lists (四项清单) of a household or a village for a year, derived from the plans: the needs list (需求清单),
 * the measures list (措施清单), the responsibility list (责任清单) and the targets-and-deadlines list (目标和时限清单).
 * Each line names its {@code subject}: the household id, or the village code for village-level lines.
 *
 * @param subject household id or village code the lists are about
 * @param name    how the subject is shown, e.g. the head's masked name or the village name
 */
public record FourLists(
        String subject,
        String name,
        int year,
        List<NeedLine> needs,
        List<MeasureLine> measures,
        List<ResponsibilityLine> responsibilities,
        List<TargetLine> targets) {

    public FourLists {
        needs = List.copyOf(needs);
        measures = List.copyOf(measures);
        responsibilities = List.copyOf(responsibilities);
        targets = List.copyOf(targets);
    }

    /** A line of the needs list. */
    public record NeedLine(String subject, Need need) {
    }

    /** A line of the measures list: a household measure or a village project. */
    public record MeasureLine(String subject, String measureId, MeasureType type, String description,
            BigDecimal cost, FundSourceKind fundingSource, MeasureStatus status) {
    }

    /**
     * A line of the responsibility list: who answers for what.
     *
     * @param role        e.g. {@code 包户干部}, {@code 措施责任人}, {@code 包村单位}, {@code 驻村工作队}
     * @param responsible id (and name when known) of the cadre, unit or team
     */
    public record ResponsibilityLine(String subject, String role, String responsible, String forWhat) {
    }

    /**
     * A line of the targets-and-deadlines list.
     *
     * @param target   what is to be reached, e.g. {@code 人均纯收入达到 4000.00 元} or {@code 完成 D级危房改造}
     * @param deadline when it is due
     * @param status   how it stands now, in words
     */
    public record TargetLine(String subject, String target, LocalDate deadline, String status) {
    }
}

package org.jingzhun.core.plan;

import java.math.BigDecimal;
import java.util.List;
import org.jingzhun.spi.plan.MeasureStatus;
import org.jingzhun.spi.plan.MeasureType;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;

/**
 * Roll-up of household-plan measures (帮扶措施汇总) in an area for a year: one line per sub-area, measure type and
 * status with the number of measures and their cost, plus how many of them are overdue. Dropped measures are
 * counted in their own status lines so nothing disappears from the count.
 *
 * @param area  the area asked about
 * @param year  the plan year
 * @param by    the level the lines are grouped at (the area's own level or below)
 * @param lines lines in (sub-area, type, status) order
 */
public record MeasureRollup(RegionCode area, int year, RegionLevel by, List<Line> lines) {

    public MeasureRollup {
        lines = List.copyOf(lines);
    }

    /**
     * One group of measures.
     *
     * @param area    the sub-area at level {@code by}
     * @param overdue measures of the group past their deadline and not finished on the day asked about
     */
    public record Line(RegionCode area, MeasureType type, MeasureStatus status, int measures, BigDecimal cost,
            int overdue) {
    }

    /** Number of measures over all lines. */
    public int totalMeasures() {
        return lines.stream().mapToInt(Line::measures).sum();
    }

    /** Cost of the measures not dropped, over all lines. */
    public BigDecimal totalCost() {
        return lines.stream().filter(l -> l.status() != MeasureStatus.DROPPED).map(Line::cost)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}

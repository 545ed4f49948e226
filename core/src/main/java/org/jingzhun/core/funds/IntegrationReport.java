package org.jingzhun.core.funds;

import java.math.BigDecimal;
import java.util.List;
import org.jingzhun.spi.region.RegionCode;

/**
 * Report of a county's fund integration (统筹整合资金使用情况) for a year: for every sector source and project, what
 * the plan pooled, what the ledger actually allocated from that source to that project (net of reversals) and what
 * was paid out of those allocations; then the same summed by sector and by project. Allocations of the plan's sources
 * to projects outside the plan appear with nothing planned, so money moved around the plan is visible.
 *
 * @param lines     by sector, source and project
 * @param bySector  sums per sector (the granting department of the source), sector order
 * @param byProject sums per project, project id order
 */
public record IntegrationReport(RegionCode county, int year, String title, List<Line> lines, List<Total> bySector,
        List<Total> byProject) {

    public IntegrationReport {
        lines = List.copyOf(lines);
        bySector = List.copyOf(bySector);
        byProject = List.copyOf(byProject);
    }

    /** One source and project. */
    public record Line(String sector, String sourceId, String sourceName, String projectId, String projectName,
            BigDecimal planned, BigDecimal allocated, BigDecimal disbursed) {
    }

    /**
     * Sums for one sector or project.
     *
     * @param key the sector name or the project id
     */
    public record Total(String key, BigDecimal planned, BigDecimal allocated, BigDecimal disbursed) {
    }
}

package org.jingzhun.core.funds;

import java.time.LocalDate;
import java.util.List;
import org.jingzhun.spi.region.RegionCode;

/**
 * Fund use in an area for a year (资金使用情况报表), narrowed to what the principal may see: each fund source whose
 * scope lies in the area, totals by kind of source and over all sources, use by sub-area (township or village) from
 * the projects placed there, and every project's balance. {@link #toText()} renders it for printing.
 *
 * @param year the budget year, or null for all years
 */
public record FundReport(RegionCode area, Integer year, List<FundUseLine> bySource, List<FundUseLine> byKind,
        FundUseLine sourcesTotal, List<FundUseLine> byArea, List<ProjectBalance> projects, LocalDate issuedOn) {
    public FundReport {
        bySource = List.copyOf(bySource);
        byKind = List.copyOf(byKind);
        byArea = List.copyOf(byArea);
        projects = List.copyOf(projects);
    }

    /** The report as plain text (zh-CN labels), amounts in yuan. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("扶贫资金使用情况 ").append(area).append(year == null ? " 全部年度" : " " + year + " 年度").append('\n');
        sb.append("一、按资金来源\n");
        bySource.forEach(l -> line(sb, l));
        sb.append("二、按资金类别\n");
        byKind.forEach(l -> line(sb, l));
        sb.append("  合计: ");
        amounts(sb, sourcesTotal);
        sb.append("三、按地区 (已分配到项目的资金)\n");
        byArea.forEach(l -> line(sb, l));
        sb.append("四、按项目\n");
        for (ProjectBalance p : projects) {
            sb.append("  ").append(p.project().id()).append(' ').append(p.project().name()).append(" [")
                    .append(p.project().category().label()).append(", ").append(p.project().status().label())
                    .append("] 预算 ").append(p.project().budget().toPlainString()).append(" 已分配 ")
                    .append(p.allocated().toPlainString()).append(" 已支出 ").append(p.disbursed().toPlainString())
                    .append(" 结余 ").append(p.undisbursed().toPlainString()).append(" 未到位 ")
                    .append(p.unfunded().toPlainString()).append('\n');
        }
        sb.append("填报日期: ").append(issuedOn).append('\n');
        return sb.toString();
    }

    private static void line(StringBuilder sb, FundUseLine l) {
        sb.append("  ").append(l.label()).append(": ");
        amounts(sb, l);
    }

    private static void amounts(StringBuilder sb, FundUseLine l) {
        sb.append("到位 ").append(l.received().toPlainString()).append(" 已分配 ").append(l.allocated().toPlainString())
                .append(" 已支出 ").append(l.disbursed().toPlainString()).append(" 支出进度 ").append(l.ratePercent())
                .append('\n');
    }
}

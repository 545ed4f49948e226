package org.jingzhun.example.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The portal's CSV downloads, written with commons-csv in UTF-8 behind a byte-order mark so that Excel on a
 * Chinese Windows desktop opens the file as UTF-8 rather than GBK. Rows come from {@link PortalViews}, so a CSV
 * masks personal data exactly as the screens do.
 */
final class CsvExports {
    /** U+FEFF written first: Excel reads it as "this file is UTF-8". */
    static final char BOM = '\uFEFF';

    static final String[] HOUSEHOLD_HEADER = {"户编号", "乡镇", "村", "村民小组", "户主姓名", "户主身份证号", "家庭人口",
        "联系电话", "户类型", "脱贫状态", "主要致贫原因", "识别年度", "区划代码"};

    static final String[] SUMMARY_HEADER = {"区划代码", "名称", "级别", "贫困村", "农村户籍人口", "在册户数", "在册人数",
        "贫困户数", "贫困人口", "贫困发生率(%)", "主要致贫原因(户)"};

    static final String[] FUNDS_HEADER = {"分组", "代码", "名称", "年度", "地区", "类别", "状态", "预算(元)", "到位(元)",
        "已分配(元)", "已支出(元)", "支出进度(%)"};

    private CsvExports() {
    }

    static CSVPrinter open(Writer out, String[] header) throws IOException {
        out.write(BOM);
        return CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator("\r\n").get().print(out);
    }

    static void household(CSVPrinter csv, PortalViews.HouseholdRow r) throws IOException {
        csv.printRecord(r.id(), r.township(), r.village(), r.villageGroup(), r.headName(), r.headCitizenId(),
                r.size(), r.phone(), r.typeLabel(), r.statusLabel(), r.mainCauseLabel(), r.identifiedYear(),
                r.region());
    }

    static void area(CSVPrinter csv, PortalViews.AreaFigures a) throws IOException {
        csv.printRecord(a.code(), a.name(), a.levelLabel(), a.poorVillage() ? "是" : "", a.ruralPopulation(),
                a.households(), a.people(), a.poorHouseholds(), a.poorPeople(), a.incidencePercent().toPlainString(),
                causes(a.poorByMainCause()));
    }

    /** The funds page as rows: the total, each kind of source, each sub-area, then each project. */
    static void funds(CSVPrinter csv, PortalViews.FundsView f) throws IOException {
        String year = f.year() == null ? "全部" : f.year().toString();
        fundLine(csv, "合计", f.total(), year, f.areaName());
        for (PortalViews.FundLine l : f.byKind()) {
            fundLine(csv, "资金类别", l, year, f.areaName());
        }
        for (PortalViews.FundLine l : f.byArea()) {
            fundLine(csv, "地区", l, year, l.label());
        }
        for (PortalViews.ProjectRow p : f.projects()) {
            csv.printRecord("项目", p.id(), p.name(), p.year(), p.areaName(), p.categoryLabel(), p.statusLabel(),
                    p.budget().toPlainString(), "", p.allocated().toPlainString(), p.disbursed().toPlainString(),
                    p.ratePercent().toPlainString());
        }
    }

    private static void fundLine(CSVPrinter csv, String group, PortalViews.FundLine l, String year, String area)
            throws IOException {
        csv.printRecord(group, l.key(), l.label(), year, area, "", "", "", l.received().toPlainString(),
                l.allocated().toPlainString(), l.disbursed().toPlainString(), l.ratePercent().toPlainString());
    }

    private static String causes(List<PortalViews.Count> counts) {
        return counts.stream().map(c -> c.label() + " " + c.count()).collect(Collectors.joining("；"));
    }
}

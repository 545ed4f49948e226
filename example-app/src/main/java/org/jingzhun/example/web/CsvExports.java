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

    private static String causes(List<PortalViews.Count> counts) {
        return counts.stream().map(c -> c.label() + " " + c.count()).collect(Collectors.joining("；"));
    }
}

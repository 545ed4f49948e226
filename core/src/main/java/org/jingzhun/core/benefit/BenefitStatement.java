package org.jingzhun.core.benefit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jingzhun.core.disclosure.MaskingProfile;
import org.jingzhun.core.funds.HouseholdFundLine;
import org.jingzhun.core.policy.BenefitLine;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.policy.BenefitAmount;
import org.jingzhun.spi.policy.ExplanationPart;
import org.jingzhun.spi.region.RegionCode;

/**
 * A household's benefit statement for a year (明白卡): each policy it is entitled to with the amount and why (pack,
 * rule, parameters, inputs and the parts that add up to the amount), the policies it does not enjoy with the reason
 * (不享受原因), rules that failed, and beside the amounts due the money the ledger actually paid to the household
 * (到户资金). Personal data is already disclosed through the caller's masking profile. {@link #toText(Locale)} and
 * {@link #toHtml(Locale)} render it in Chinese or English for printing.
 *
 * @param headId     the head's citizen ID as the profile lets it out (redacted, or null under public notice)
 * @param enjoyed    lines with a positive amount
 * @param notEnjoyed lines of zero, each with the reason in its explanation's result
 * @param failed     lines whose rule failed (plugin, pack, rule named)
 * @param totalDue   sum of the enjoyed lines
 * @param paid       what the ledger paid for the household in the year, net of reversals: disbursements to it and
 *                   interest subsidies paid to its lender
 * @param totalPaid  sum of {@code paid}
 */
public record BenefitStatement(String householdId, RegionCode region, int year, String headName, String headId,
        PovertyStatus status, List<BenefitLine> enjoyed, List<BenefitLine> notEnjoyed, List<BenefitLine> failed,
        BigDecimal totalDue, List<HouseholdFundLine> paid, BigDecimal totalPaid, MaskingProfile profile,
        LocalDate issuedOn) {
    public BenefitStatement {
        enjoyed = List.copyOf(enjoyed);
        notEnjoyed = List.copyOf(notEnjoyed);
        failed = List.copyOf(failed);
        paid = List.copyOf(paid);
    }

    /** Labels of the card in the two languages a card is printed in. */
    private record Labels(String title, String household, String region, String head, String id, String status,
            String basis, String parameters, String facts, String result, String none, String notEnjoyed,
            String failed, String paid, String nonePaid, String totalDue, String totalPaid, String issued,
            String yuan, String failedAs) {
        static Labels of(Locale locale) {
            return Locale.CHINESE.getLanguage().equals(locale.getLanguage())
                    ? new Labels("扶贫政策明白卡", "户编号", "地区", "户主", "身份证号", "状态", "依据", "参数", "事实",
                            "结论", "本年度无享受政策金额", "不享受的政策及原因", "未能计算的政策", "已到户资金（账簿）",
                            "本年度无到户资金", "应享受合计", "已到户合计", "填发日期", "元", "规则执行失败")
                    : new Labels("Benefit statement", "Household", "Region", "Head", "Citizen ID", "Status",
                            "Basis", "Parameters", "Facts", "Result", "No benefit amounts this year",
                            "Policies not enjoyed and why", "Policies that could not be computed",
                            "Money paid to the household (ledger)", "No money paid to the household this year",
                            "Total due", "Total paid", "Issued on", "yuan", "rule failed");
        }
    }

    private String statusLabel(Locale locale) {
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? status.label()
                : status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private String heading(Locale locale) {
        Labels l = Labels.of(locale);
        return l.title + " " + year;
    }

    /** The card as plain text in {@code locale} (zh-CN or English labels; pack texts as the pack wrote them). */
    public String toText(Locale locale) {
        Labels l = Labels.of(locale);
        StringBuilder sb = new StringBuilder();
        sb.append(heading(locale)).append('\n');
        sb.append(l.household).append(": ").append(householdId).append("  ").append(l.region).append(": ")
                .append(region).append('\n');
        sb.append(l.head).append(": ").append(headName).append("  ").append(l.id).append(": ")
                .append(headId == null ? "—" : headId).append("  ").append(l.status).append(": ")
                .append(statusLabel(locale)).append('\n');
        sb.append("------------------------------------------------------------\n");
        int n = 1;
        for (BenefitLine line : enjoyed) {
            BenefitAmount b = line.amount();
            sb.append(n++).append(". ").append(line.title()).append("  ").append(b.amount().toPlainString())
                    .append(' ').append(l.yuan).append('\n');
            sb.append("   ").append(l.basis).append(": ").append(line.pack()).append(" / ")
                    .append(b.explanation().rule()).append('\n');
            appendMap(sb, "   " + l.parameters + ": ", b.explanation().parameters());
            appendMap(sb, "   " + l.facts + ": ", b.explanation().inputs());
            for (ExplanationPart p : b.explanation().parts()) {
                sb.append("   - ").append(p.label()).append(": ").append(p.amount().toPlainString()).append(' ')
                        .append(l.yuan);
                if (!p.basis().isEmpty()) {
                    sb.append(" (").append(p.basis()).append(')');
                }
                sb.append('\n');
            }
            sb.append("   ").append(l.result).append(": ").append(b.explanation().result()).append('\n');
        }
        if (enjoyed.isEmpty()) {
            sb.append(l.none).append('\n');
        }
        if (!notEnjoyed.isEmpty()) {
            sb.append(l.notEnjoyed).append(":\n");
            notEnjoyed.forEach(line -> sb.append("   · ").append(line.title()).append(": ")
                    .append(line.amount().explanation().result()).append('\n'));
        }
        if (!failed.isEmpty()) {
            sb.append(l.failed).append(":\n");
            failed.forEach(line -> sb.append("   ! ").append(line.title()).append(": ").append(l.failedAs)
                    .append(" (").append(line.plugin()).append(" / ").append(line.pack()).append(" / ")
                    .append(line.policy()).append(")\n"));
        }
        sb.append(l.paid).append(":\n");
        for (HouseholdFundLine p : paid) {
            sb.append("   ").append(p.date()).append(' ').append(p.projectName()).append(' ').append(p.purpose())
                    .append(": ").append(p.amount().toPlainString()).append(' ').append(l.yuan).append('\n');
        }
        if (paid.isEmpty()) {
            sb.append("   ").append(l.nonePaid).append('\n');
        }
        sb.append("------------------------------------------------------------\n");
        sb.append(l.totalDue).append(": ").append(totalDue.toPlainString()).append(' ').append(l.yuan).append("  ")
                .append(l.totalPaid).append(": ").append(totalPaid.toPlainString()).append(' ').append(l.yuan)
                .append("  ").append(l.issued).append(": ").append(issuedOn).append('\n');
        return sb.toString();
    }

    /** The card as plain text with Chinese labels, the form a county prints. */
    public String toText() {
        return toText(Locale.SIMPLIFIED_CHINESE);
    }

    /**
     * The card as a printable HTML document in {@code locale}: one table per section, every text escaped (pack texts
     * included), nothing loaded from elsewhere.
     */
    public String toHtml(Locale locale) {
        Labels l = Labels.of(locale);
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"").append(Locale.CHINESE.getLanguage().equals(locale.getLanguage())
                ? "zh-CN" : "en").append("\">\n<head><meta charset=\"utf-8\"><title>").append(esc(heading(locale)))
                .append(' ').append(esc(householdId)).append("</title>\n<style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse;width:100%;margin:1em 0}td,th{border:1px solid #444;"
                        + "padding:4px;text-align:left;vertical-align:top}.num{text-align:right}"
                        + "@media print{body{margin:0}}</style></head>\n<body>\n");
        h.append("<h1>").append(esc(heading(locale))).append("</h1>\n<table>\n");
        row(h, l.household, householdId, l.region, region.value());
        row(h, l.head, headName, l.id, headId == null ? "—" : headId);
        row(h, l.status, statusLabel(locale), l.issued, issuedOn.toString());
        h.append("</table>\n<table>\n<tr><th>#</th><th>").append(esc(l.basis)).append("</th><th class=\"num\">")
                .append(esc(l.yuan)).append("</th><th>").append(esc(l.result)).append("</th></tr>\n");
        int n = 1;
        for (BenefitLine line : enjoyed) {
            BenefitAmount b = line.amount();
            h.append("<tr><td>").append(n++).append("</td><td><b>").append(esc(line.title())).append("</b><br>")
                    .append(esc(line.pack() + " / " + b.explanation().rule())).append("<br>")
                    .append(esc(l.parameters)).append(": ").append(esc(join(b.explanation().parameters())))
                    .append("<br>").append(esc(l.facts)).append(": ").append(esc(join(b.explanation().inputs())))
                    .append("<ul>");
            for (ExplanationPart p : b.explanation().parts()) {
                h.append("<li>").append(esc(p.label())).append(": ").append(esc(p.amount().toPlainString()))
                        .append(p.basis().isEmpty() ? "" : " (" + esc(p.basis()) + ")").append("</li>");
            }
            h.append("</ul></td><td class=\"num\">").append(esc(b.amount().toPlainString())).append("</td><td>")
                    .append(esc(b.explanation().result())).append("</td></tr>\n");
        }
        if (enjoyed.isEmpty()) {
            h.append("<tr><td colspan=\"4\">").append(esc(l.none)).append("</td></tr>\n");
        }
        h.append("<tr><th colspan=\"2\">").append(esc(l.totalDue)).append("</th><th class=\"num\">")
                .append(esc(totalDue.toPlainString())).append("</th><th></th></tr>\n</table>\n");
        if (!notEnjoyed.isEmpty()) {
            h.append("<h2>").append(esc(l.notEnjoyed)).append("</h2>\n<ul>\n");
            notEnjoyed.forEach(line -> h.append("<li>").append(esc(line.title())).append(": ")
                    .append(esc(line.amount().explanation().result())).append("</li>\n"));
            h.append("</ul>\n");
        }
        if (!failed.isEmpty()) {
            h.append("<h2>").append(esc(l.failed)).append("</h2>\n<ul>\n");
            failed.forEach(line -> h.append("<li>").append(esc(line.title())).append(": ").append(esc(l.failedAs))
                    .append(" (").append(esc(line.plugin() + " / " + line.pack() + " / " + line.policy()))
                    .append(")</li>\n"));
            h.append("</ul>\n");
        }
        h.append("<h2>").append(esc(l.paid)).append("</h2>\n<table>\n");
        for (HouseholdFundLine p : paid) {
            h.append("<tr><td>").append(esc(p.date().toString())).append("</td><td>").append(esc(p.projectName()))
                    .append("</td><td>").append(esc(p.purpose())).append("</td><td class=\"num\">")
                    .append(esc(p.amount().toPlainString())).append("</td></tr>\n");
        }
        if (paid.isEmpty()) {
            h.append("<tr><td colspan=\"4\">").append(esc(l.nonePaid)).append("</td></tr>\n");
        }
        h.append("<tr><th colspan=\"3\">").append(esc(l.totalPaid)).append("</th><th class=\"num\">")
                .append(esc(totalPaid.toPlainString())).append("</th></tr>\n</table>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void row(StringBuilder h, String k1, String v1, String k2, String v2) {
        h.append("<tr><th>").append(esc(k1)).append("</th><td>").append(esc(v1)).append("</td><th>").append(esc(k2))
                .append("</th><td>").append(esc(v2)).append("</td></tr>\n");
    }

    private static String join(Map<String, String> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }

    /** HTML-escapes text for element content and attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void appendMap(StringBuilder sb, String prefix, Map<String, String> m) {
        if (!m.isEmpty()) {
            sb.append(prefix).append(join(m)).append('\n');
        }
    }
}

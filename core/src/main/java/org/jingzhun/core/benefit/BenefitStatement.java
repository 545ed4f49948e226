package org.jingzhun.core.benefit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.policy.BenefitAmount;
import org.jingzhun.spi.policy.ExplanationPart;
import org.jingzhun.spi.region.RegionCode;

/**
 * A household's benefit statement for a year (明白卡): each policy it is entitled to, the amount and why (pack, rule,
 * parameters, inputs and the parts that add up to the amount), and the total. Personal data is de-identified: the
 * head's citizen ID appears masked. {@link #toText()} renders the card for printing.
 *
 * @param lines only the policies with a positive amount
 */
public record BenefitStatement(String householdId, RegionCode region, int year, String headName,
        String headIdMasked, PovertyStatus status, List<BenefitAmount> lines, BigDecimal total, LocalDate issuedOn) {
    public BenefitStatement {
        lines = List.copyOf(lines);
    }

    /** The card as plain text (zh-CN labels), one block per policy. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("扶贫政策明白卡 ").append(year).append(" 年度\n");
        sb.append("户编号: ").append(householdId).append("  地区: ").append(region).append('\n');
        sb.append("户主: ").append(headName).append("  身份证号: ").append(headIdMasked).append("  状态: ")
                .append(status.label()).append('\n');
        sb.append("------------------------------------------------------------\n");
        int n = 1;
        for (BenefitAmount b : lines) {
            sb.append(n++).append(". ").append(b.title()).append("  ").append(b.amount().toPlainString())
                    .append(" 元\n");
            sb.append("   依据: ").append(b.explanation().pack()).append(" / ").append(b.explanation().rule())
                    .append('\n');
            appendMap(sb, "   参数: ", b.explanation().parameters());
            appendMap(sb, "   事实: ", b.explanation().inputs());
            for (ExplanationPart p : b.explanation().parts()) {
                sb.append("   - ").append(p.label()).append(": ").append(p.amount().toPlainString()).append(" 元");
                if (!p.basis().isEmpty()) {
                    sb.append(" (").append(p.basis()).append(')');
                }
                sb.append('\n');
            }
            sb.append("   结论: ").append(b.explanation().result()).append('\n');
        }
        if (lines.isEmpty()) {
            sb.append("本年度无享受政策金额\n");
        }
        sb.append("------------------------------------------------------------\n");
        sb.append("合计: ").append(total.toPlainString()).append(" 元    填发日期: ").append(issuedOn).append('\n');
        return sb.toString();
    }

    private static void appendMap(StringBuilder sb, String prefix, Map<String, String> m) {
        if (m.isEmpty()) {
            return;
        }
        sb.append(prefix);
        boolean first = true;
        for (Map.Entry<String, String> e : m.entrySet()) {
            sb.append(first ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
            first = false;
        }
        sb.append('\n');
    }
}

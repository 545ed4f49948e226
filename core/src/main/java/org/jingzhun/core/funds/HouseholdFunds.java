package org.jingzhun.core.funds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jingzhun.spi.funds.InterestSubsidy;
import org.jingzhun.spi.funds.Money;
import org.jingzhun.spi.policy.BenefitAmount;
import org.jingzhun.spi.policy.Explanation;
import org.jingzhun.spi.policy.ExplanationPart;
import org.jingzhun.spi.region.RegionCode;

/**
 * The money that reached a household in a year (到户资金): disbursements paid to it (net of reversals), the
 * interest subsidy of its microcredit loans as the policy pack computes it (due), and the subsidy the ledger paid to
 * the lender on its behalf ({@code subsidiesPaid}, net of reversals), each explained. {@link #toBenefitAmounts()} gives the lines in the form
 * of a benefit statement (明白卡); {@link #toText()} renders them.
 */
public record HouseholdFunds(String householdId, RegionCode region, int year, List<HouseholdFundLine> disbursements,
        List<InterestSubsidy> subsidies, BigDecimal total, List<HouseholdFundLine> subsidiesPaid) {
    /** Policy id of direct payments on a benefit statement. */
    public static final String DISBURSEMENT_POLICY = "funds.disbursement";

    public HouseholdFunds {
        disbursements = List.copyOf(disbursements);
        subsidies = List.copyOf(subsidies);
        subsidiesPaid = List.copyOf(subsidiesPaid);
    }

    /** Everything the ledger paid for the household: payments to it and subsidies paid to its lender. */
    public List<HouseholdFundLine> paid() {
        List<HouseholdFundLine> out = new ArrayList<>(disbursements);
        out.addAll(subsidiesPaid);
        out.sort(java.util.Comparator.comparing(HouseholdFundLine::date).thenComparing(HouseholdFundLine::entryId));
        return out;
    }

    /**
     * The money as benefit-statement lines: one for the direct payments (a part per payment) and one per loan with a
     * positive subsidy; lines of zero are left out.
     */
    public List<BenefitAmount> toBenefitAmounts() {
        List<BenefitAmount> out = new ArrayList<>();
        if (!disbursements.isEmpty()) {
            List<ExplanationPart> parts = disbursements.stream().map(d -> new ExplanationPart(d.purpose(), d.amount(),
                    d.date() + " " + d.projectName() + " (" + d.projectId() + ", " + d.entryId() + ")")).toList();
            out.add(BenefitAmount.ofParts(DISBURSEMENT_POLICY, "扶贫项目资金到户",
                    new Explanation("funds", DISBURSEMENT_POLICY, null, null,
                            parts.size() + " payment(s) from projects in " + year, parts)));
        }
        subsidies.stream().filter(s -> s.subsidy().signum() > 0).forEach(s -> out.add(s.amount()));
        return out;
    }

    /** Plain text (zh-CN labels): each payment and each subsidy with its computation. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("到户资金 ").append(year).append(" 年度  户编号: ").append(householdId).append("  地区: ").append(region)
                .append('\n');
        for (HouseholdFundLine d : disbursements) {
            sb.append("  ").append(d.date()).append(' ').append(d.projectName()).append(' ').append(d.purpose())
                    .append(": ").append(d.amount().toPlainString()).append(" 元\n");
        }
        for (InterestSubsidy s : subsidies) {
            sb.append("  ").append(s.amount().title()).append(' ').append(s.loanId()).append(": ")
                    .append(s.subsidy().toPlainString()).append(" 元 (").append(s.explanation().result()).append(")\n");
            for (ExplanationPart p : s.explanation().parts()) {
                sb.append("    - ").append(p.label()).append(": ").append(p.amount().toPlainString()).append(" 元 (")
                        .append(p.basis()).append(")\n");
            }
        }
        sb.append("  合计: ").append(total.toPlainString()).append(" 元\n");
        return sb.toString();
    }

    static BigDecimal totalOf(List<HouseholdFundLine> disbursements, List<InterestSubsidy> subsidies) {
        BigDecimal t = Money.ZERO;
        for (HouseholdFundLine d : disbursements) {
            t = t.add(d.amount());
        }
        for (InterestSubsidy s : subsidies) {
            t = t.add(s.subsidy());
        }
        return t;
    }
}

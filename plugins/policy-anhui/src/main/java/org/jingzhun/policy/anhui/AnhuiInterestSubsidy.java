package org.jingzhun.policy.anhui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jingzhun.spi.policy.BenefitAmount;
import org.jingzhun.spi.policy.Explanation;
import org.jingzhun.spi.policy.ExplanationPart;
import org.jingzhun.spi.policy.InterestSubsidyRule;
import org.jingzhun.spi.policy.LoanRepayment;
import org.jingzhun.spi.policy.LoanSubsidy;
import org.jingzhun.spi.policy.Microloan;

/**
 * Anhui's microloan interest subsidy (扶贫小额信贷贴息), the only implementation of the subsidy: the funds ledger and
 * the benefit card both ask it through the policy engine.
 *
 * <p>Rates: the county pays {@code loanSubsidyShare} of the interest at the contracted rate, never at more than the
 * benchmark rate for the loan's term (4.35% up to one year, 4.75% up to three years in 2016), on at most
 * {@code loanMaxPrincipal}. Day count: actual/actual by loan year — the term is cut at its anniversaries and a day
 * weighs {@code 1 / days of that loan year}, so a whole loan year is exactly one year's interest with or without
 * 29 February, and the parts of any split of the term add up to the whole. Within a loan year the period is cut again
 * at each repayment, because interest runs on the principal still outstanding. The subsidy stops on the day the loan
 * defaults; a loan reported defaulted without a day, used for consumption or by a borrower outside the age range
 * gets none. Each part is rounded half-up to the fen.
 */
final class AnhuiInterestSubsidy implements InterestSubsidyRule {
    static final String POLICY = "anhui.microloan.interest";
    private final AnhuiPolicyConfig config;

    AnhuiInterestSubsidy(AnhuiPolicyConfig config) {
        this.config = config;
    }

    @Override
    public String policy() {
        return POLICY;
    }

    @Override
    public String title() {
        return "扶贫小额信贷贴息";
    }

    /** The benchmark rate of a term: one-year rate up to 12 months, the three-year rate beyond. */
    BigDecimal benchmark(int termMonths) {
        return termMonths <= 12 ? config.loanOneYearRate() : config.loanThreeYearRate();
    }

    @Override
    public LoanSubsidy subsidy(Microloan loan, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends " + to + " before it starts " + from);
        }
        BigDecimal benchmark = benchmark(loan.termMonths());
        BigDecimal rate = loan.annualRate().min(benchmark);
        BigDecimal share = config.loanSubsidyShare();
        BigDecimal capped = loan.principal().min(config.loanMaxPrincipal());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("基准利率", percent(benchmark) + (loan.termMonths() <= 12 ? "（1年以内）" : "（1至3年）"));
        params.put("贴息比例", percent(share));
        params.put("贴息本金上限", config.loanMaxPrincipal().setScale(2).toPlainString());
        params.put("借款人年龄", config.borrowerMinAge() + "-" + config.borrowerMaxAge());
        params.put("计息方式", "按贷款年度实际天数");
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("贷款", loan.loanId());
        inputs.put("本金", loan.principal().toPlainString());
        inputs.put("合同利率", percent(loan.annualRate()));
        inputs.put("放款日", loan.start().toString());
        inputs.put("期限", loan.termMonths() + "个月");
        inputs.put("到期日", loan.maturity().toString());
        if (!loan.repayments().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            loan.repayments().forEach(r -> sb.append(sb.length() == 0 ? "" : "，").append(r.date()).append(' ')
                    .append(r.amount().toPlainString()));
            inputs.put("还本", sb.toString());
        }
        if (loan.defaultedOn() != null) {
            inputs.put("逾期日", loan.defaultedOn().toString());
        }
        inputs.put("计算期间", from + " 至 " + to.minusDays(1));
        int age = loan.borrower().ageOn(loan.start());
        String refused = !loan.productionUse() ? "不享受：非生产用途不贴息"
                : loan.defaulted() && loan.defaultedOn() == null ? "不享受：贷款逾期不贴息"
                : age < config.borrowerMinAge() || age > config.borrowerMaxAge() ? "不享受：借款人年龄 " + age + " 岁不符"
                : null;
        List<ExplanationPart> parts = new ArrayList<>();
        BigDecimal subsidy = BigDecimal.ZERO.setScale(2);
        BigDecimal interest = BigDecimal.ZERO.setScale(2);
        long days = 0;
        LocalDate begin = max(from, loan.start());
        LocalDate end = loan.defaultedOn() == null ? min(to, loan.maturity())
                : min(min(to, loan.maturity()), loan.defaultedOn());
        if (refused == null && begin.isBefore(end)) {
            TreeSet<LocalDate> cuts = new TreeSet<>(List.of(begin, end));
            for (int k = 1; !loan.start().plusYears(k).isAfter(end); k++) {
                LocalDate anniversary = loan.start().plusYears(k);
                if (anniversary.isAfter(begin) && anniversary.isBefore(end)) {
                    cuts.add(anniversary);
                }
            }
            loan.repayments().stream().map(LoanRepayment::date).filter(d -> d.isAfter(begin) && d.isBefore(end))
                    .forEach(cuts::add);
            LocalDate a = null;
            for (LocalDate b : cuts) {
                if (a != null) {
                    LocalDate day = a;
                    BigDecimal repaid = loan.repayments().stream().filter(r -> !r.date().isAfter(day))
                            .map(LoanRepayment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                    BigDecimal owed = loan.principal().subtract(repaid);
                    BigDecimal outstanding = capped.min(owed);
                    if (outstanding.signum() > 0) {
                        int year = loanYear(loan.start(), a);
                        long yearDays = ChronoUnit.DAYS.between(loan.start().plusYears(year),
                                loan.start().plusYears(year + 1L));
                        long n = ChronoUnit.DAYS.between(a, b);
                        BigDecimal s = outstanding.multiply(rate).multiply(share).multiply(BigDecimal.valueOf(n))
                                .divide(BigDecimal.valueOf(yearDays), 2, RoundingMode.HALF_UP);
                        parts.add(new ExplanationPart(a + " 至 " + b.minusDays(1) + " 第" + (year + 1) + "贷款年度", s,
                                outstanding.setScale(2).toPlainString() + " × " + percent(rate) + " × "
                                        + percent(share) + " × " + n + "/" + yearDays));
                        subsidy = subsidy.add(s);
                        interest = interest.add(owed.multiply(loan.annualRate()).multiply(BigDecimal.valueOf(n))
                                .divide(BigDecimal.valueOf(yearDays), 2, RoundingMode.HALF_UP));
                        days += n;
                    }
                }
                a = b;
            }
        }
        String result = refused != null ? refused
                : days == 0 ? "不享受：计算期间内无贴息天数" + (loan.defaultedOn() != null && !loan.defaultedOn().isAfter(begin)
                        ? "（" + loan.defaultedOn() + " 逾期）" : "")
                : "贴息 " + subsidy.toPlainString() + " 元（利息 " + interest.toPlainString() + " 元），共 " + days + " 天"
                        + (loan.defaultedOn() != null && loan.defaultedOn().isBefore(min(to, loan.maturity()))
                                ? "，" + loan.defaultedOn() + " 逾期起停止贴息" : "");
        return new LoanSubsidy(loan.loanId(), days, interest, BenefitAmount.ofParts(POLICY, title(),
                new Explanation(AnhuiPolicyPack.NAME, POLICY, params, inputs, result, parts)));
    }

    private static int loanYear(LocalDate start, LocalDate day) {
        int k = 0;
        while (!start.plusYears(k + 1L).isAfter(day)) {
            k++;
        }
        return k;
    }

    static String percent(BigDecimal fraction) {
        BigDecimal p = fraction.movePointRight(2).stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString() + "%";
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

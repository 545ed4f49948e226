package org.jingzhun.core.funds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jingzhun.spi.funds.InterestSubsidy;
import org.jingzhun.spi.funds.Microcredit;
import org.jingzhun.spi.funds.MicrocreditTerms;
import org.jingzhun.spi.funds.Money;
import org.jingzhun.spi.policy.Explanation;
import org.jingzhun.spi.policy.ExplanationPart;

/**
 * Computes the interest subsidy (贷款贴息) of a microcredit loan for a period, explained line by line.
 *
 * <p>Day count: actual/actual by loan year. The loan's term is cut at its anniversaries; a day of a loan year weighs
 * {@code 1 / days of that loan year}, so a whole loan year is exactly one year's interest whether or not it contains
 * 29 February, and the parts of any split of the term add up to the interest of the whole term. Within a loan year
 * the period is cut again at each repayment, because interest runs on the principal still outstanding.
 *
 * <p>Rates: the county pays {@code subsidyShare} of the interest at the contracted rate, but never at more than the
 * benchmark rate for the loan's term (4.35% up to one year, 4.75% up to three years in 2016). Subsidy runs from the
 * loan's start to its maturity and stops on the day the loan defaults (a defaulted loan loses the subsidy from then
 * on). Each part is rounded half-up to the fen; the subsidy is the sum of the rounded parts.
 */
public final class InterestSubsidyCalculator {
    /** Rule id in explanations. */
    public static final String RULE = InterestSubsidy.POLICY;

    /**
     * The subsidy of {@code loan} for the days from {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @param scheme      name of the scheme (the risk compensation fund's agreement), shown as the explanation's pack
     * @param repayments  principal repaid, by day of repayment (net of reversals)
     * @param defaultedOn the day the loan defaulted, or null
     * @param householdId the borrowing household, carried into the result
     */
    public InterestSubsidy compute(String scheme, MicrocreditTerms terms, Microcredit loan, String householdId,
            Map<LocalDate, BigDecimal> repayments, LocalDate defaultedOn, LocalDate from, LocalDate to) {
        Objects.requireNonNull(loan, "loan");
        Objects.requireNonNull(terms, "terms");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends " + to + " before it starts " + from);
        }
        NavigableMap<LocalDate, BigDecimal> repaid = new TreeMap<>(repayments == null ? Map.of() : repayments);
        BigDecimal benchmark = terms.benchmarkRate(loan.termMonths());
        BigDecimal subsidisedRate = loan.annualRate().min(benchmark);
        BigDecimal share = terms.subsidyShare();
        LocalDate maturity = loan.maturity();

        LocalDate begin = max(from, loan.start());
        LocalDate end = min(to, maturity);
        if (defaultedOn != null) {
            end = min(end, defaultedOn);
        }

        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("benchmarkRate", percent(benchmark) + (loan.termMonths() <= 12 ? " (≤1年)" : " (1-3年)"));
        parameters.put("subsidyShare", percent(share));
        parameters.put("dayCount", "actual/actual by loan year");
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("loan", loan.id());
        inputs.put("principal", loan.principal().toPlainString());
        inputs.put("annualRate", percent(loan.annualRate()));
        inputs.put("subsidisedRate", percent(subsidisedRate));
        inputs.put("start", loan.start().toString());
        inputs.put("termMonths", Integer.toString(loan.termMonths()));
        inputs.put("maturity", maturity.toString());
        inputs.put("purpose", loan.purpose().label());
        if (!repaid.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            repaid.forEach((d, a) -> sb.append(sb.length() == 0 ? "" : ", ").append(d).append(' ')
                    .append(a.toPlainString()));
            inputs.put("repayments", sb.toString());
        }
        if (defaultedOn != null) {
            inputs.put("defaultedOn", defaultedOn.toString());
        }
        inputs.put("period", from + " – " + to.minusDays(1));

        List<ExplanationPart> parts = new ArrayList<>();
        BigDecimal interest = Money.ZERO;
        BigDecimal subsidy = Money.ZERO;
        long days = 0;
        if (begin.isBefore(end)) {
            TreeSet<LocalDate> cuts = new TreeSet<>();
            cuts.add(begin);
            cuts.add(end);
            for (int k = 1; !loan.start().plusYears(k).isAfter(end); k++) {
                LocalDate anniversary = loan.start().plusYears(k);
                if (anniversary.isAfter(begin) && anniversary.isBefore(end)) {
                    cuts.add(anniversary);
                }
            }
            for (LocalDate d : repaid.keySet()) {
                if (d.isAfter(begin) && d.isBefore(end)) {
                    cuts.add(d);
                }
            }
            LocalDate a = null;
            for (LocalDate b : cuts) {
                if (a != null) {
                    BigDecimal outstanding = loan.principal().subtract(sum(repaid.headMap(a, true)));
                    if (outstanding.signum() > 0) {
                        int year = loanYear(loan.start(), a);
                        LocalDate yearStart = loan.start().plusYears(year);
                        long yearDays = ChronoUnit.DAYS.between(yearStart, loan.start().plusYears(year + 1L));
                        long n = ChronoUnit.DAYS.between(a, b);
                        BigDecimal i = outstanding.multiply(loan.annualRate()).multiply(BigDecimal.valueOf(n))
                                .divide(BigDecimal.valueOf(yearDays), 2, RoundingMode.HALF_UP);
                        BigDecimal s = outstanding.multiply(subsidisedRate).multiply(share)
                                .multiply(BigDecimal.valueOf(n)).divide(BigDecimal.valueOf(yearDays), 2,
                                        RoundingMode.HALF_UP);
                        parts.add(new ExplanationPart(a + " – " + b.minusDays(1) + " 第" + (year + 1) + "贷款年度",
                                s, Money.exact(outstanding).toPlainString() + " × " + percent(subsidisedRate) + " × "
                                        + percent(share) + " × " + n + "/" + yearDays));
                        interest = interest.add(i);
                        subsidy = subsidy.add(s);
                        days += n;
                    }
                }
                a = b;
            }
        }
        String result;
        if (days == 0) {
            result = "no subsidised days in the period"
                    + (defaultedOn != null && !defaultedOn.isAfter(begin) ? " (defaulted " + defaultedOn + ")" : "");
        } else {
            result = "subsidy " + subsidy.toPlainString() + " of interest " + interest.toPlainString() + " for "
                    + days + " days" + (defaultedOn != null && defaultedOn.isBefore(min(to, maturity))
                            ? ", stopped on default " + defaultedOn : "");
        }
        Explanation explanation = new Explanation(scheme, RULE, parameters, inputs, result, parts);
        return new InterestSubsidy(loan.id(), householdId, from, to, days, interest, subsidy, explanation);
    }

    /** The whole loan years between the start and {@code day}. */
    private static int loanYear(LocalDate start, LocalDate day) {
        int k = 0;
        while (!start.plusYears(k + 1L).isAfter(day)) {
            k++;
        }
        return k;
    }

    private static BigDecimal sum(Map<LocalDate, BigDecimal> m) {
        return m.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
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

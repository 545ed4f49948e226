package org.jingzhun.core.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.jingzhun.spi.funds.InterestSubsidy;
import org.jingzhun.spi.funds.LoanPurpose;
import org.jingzhun.spi.funds.Microcredit;
import org.jingzhun.spi.funds.MicrocreditTerms;
import org.jingzhun.spi.policy.BenefitAmount;
import org.junit.jupiter.api.Test;

/** The interest subsidy (贷款贴息) on the reference numbers of 2016, explained. */
class InterestSubsidyCalculatorTest {
    private static final MicrocreditTerms TERMS = MicrocreditTerms.standard2016();
    private final InterestSubsidyCalculator calc = new InterestSubsidyCalculator();

    private static Microcredit loan(String principal, String rate, LocalDate start, int months) {
        return new Microcredit("341702-C00000001", "341702-00000001", FundsFixtures.id("19700101", 11), "341702-R1",
                new BigDecimal(principal), new BigDecimal(rate), start, months, LoanPurpose.BREEDING);
    }

    private InterestSubsidy compute(Microcredit l, Map<LocalDate, BigDecimal> repaid, LocalDate defaulted,
            LocalDate from, LocalDate to) {
        return calc.compute("贵池区扶贫小额信贷", TERMS, l, l.householdId(), repaid, defaulted, from, to);
    }

    @Test
    void fiftyThousandAtFourPointSevenFiveForOneYearIsTwoThousandThreeHundredSeventyFive() {
        Microcredit l = loan("50000", "0.0475", LocalDate.of(2016, 7, 15), 36);

        InterestSubsidy s = compute(l, Map.of(), null, l.start(), l.start().plusYears(1));

        assertThat(s.subsidy()).isEqualByComparingTo("2375.00");
        assertThat(s.subsidy().scale()).isEqualTo(2);
        assertThat(s.interest()).isEqualByComparingTo("2375.00");
        assertThat(s.days()).isEqualTo(365);
        assertThat(s.explanation().rule()).isEqualTo("funds.microcredit.interest-subsidy");
        assertThat(s.explanation().pack()).isEqualTo("贵池区扶贫小额信贷");
        assertThat(s.explanation().inputs()).containsEntry("principal", "50000.00")
                .containsEntry("annualRate", "4.75%").containsEntry("subsidisedRate", "4.75%")
                .containsEntry("start", "2016-07-15").containsEntry("termMonths", "36")
                .containsEntry("maturity", "2019-07-15");
        assertThat(s.explanation().parameters()).containsEntry("benchmarkRate", "4.75% (1-3年)")
                .containsEntry("subsidyShare", "100%");
        assertThat(s.explanation().parts()).singleElement().satisfies(p -> {
            assertThat(p.amount()).isEqualByComparingTo("2375.00");
            assertThat(p.basis()).isEqualTo("50000.00 × 4.75% × 100% × 365/365");
            assertThat(p.label()).isEqualTo("2016-07-15 – 2017-07-14 第1贷款年度");
        });
        assertThat(s.explanation().result()).isEqualTo("subsidy 2375.00 of interest 2375.00 for 365 days");
        BenefitAmount line = s.toBenefitAmount();
        assertThat(line.amount()).isEqualByComparingTo("2375.00");
        assertThat(line.title()).isEqualTo("扶贫小额信贷贴息");
    }

    @Test
    void aWholeTermIsThreeYearsOfInterestAndCalendarYearsAddUpToIt() {
        // 2016 is a leap year: the first loan year has 366 days, still exactly one year of interest
        Microcredit l = loan("50000", "0.0475", LocalDate.of(2016, 2, 1), 36);

        assertThat(compute(l, Map.of(), null, l.start(), l.maturity()).subsidy()).isEqualByComparingTo("7125.00");
        assertThat(compute(l, Map.of(), null, l.start(), l.start().plusYears(1)).days()).isEqualTo(366);
        BigDecimal byYear = BigDecimal.ZERO;
        for (int y = 2016; y <= 2019; y++) {
            byYear = byYear.add(compute(l, Map.of(), null, LocalDate.of(y, 1, 1), LocalDate.of(y + 1, 1, 1))
                    .subsidy());
        }
        assertThat(byYear).isEqualByComparingTo("7125.00");
    }

    @Test
    void oneYearLoansAreSubsidisedAtTheOneYearBenchmarkEvenWhenContractedHigher() {
        Microcredit atBenchmark = loan("50000", "0.0435", LocalDate.of(2017, 3, 1), 12);
        Microcredit above = loan("50000", "0.0475", LocalDate.of(2017, 3, 1), 12);

        assertThat(compute(atBenchmark, Map.of(), null, LocalDate.of(2017, 1, 1), LocalDate.of(2019, 1, 1))
                .subsidy()).isEqualByComparingTo("2175.00");
        InterestSubsidy s = compute(above, Map.of(), null, LocalDate.of(2017, 1, 1), LocalDate.of(2019, 1, 1));
        assertThat(s.interest()).isEqualByComparingTo("2375.00");
        assertThat(s.subsidy()).isEqualByComparingTo("2175.00");
        assertThat(s.explanation().inputs()).containsEntry("subsidisedRate", "4.35%");
    }

    @Test
    void interestRunsOnTheOutstandingPrincipalAndStopsOnDefault() {
        Microcredit l = loan("50000", "0.0475", LocalDate.of(2017, 1, 1), 36);
        LocalDate half = LocalDate.of(2017, 7, 1); // 181 days into a 365-day loan year
        Map<LocalDate, BigDecimal> repaid = Map.of(half, new BigDecimal("20000"));

        InterestSubsidy s = compute(l, repaid, null, LocalDate.of(2017, 1, 1), LocalDate.of(2018, 1, 1));
        // 50,000 × 4.75% × 181/365 = 1,177.74; 30,000 × 4.75% × 184/365 = 718.36
        assertThat(s.explanation().parts()).extracting(p -> p.amount().toPlainString())
                .containsExactly("1177.74", "718.36");
        assertThat(s.subsidy()).isEqualByComparingTo("1896.10");
        assertThat(s.explanation().inputs()).containsEntry("repayments", "2017-07-01 20000");

        InterestSubsidy stopped = compute(l, Map.of(), half, LocalDate.of(2017, 1, 1), LocalDate.of(2018, 1, 1));
        assertThat(stopped.subsidy()).isEqualByComparingTo("1177.74");
        assertThat(stopped.days()).isEqualTo(181);
        assertThat(stopped.explanation().result()).contains("stopped on default 2017-07-01");
        assertThat(compute(l, Map.of(), half, LocalDate.of(2018, 1, 1), LocalDate.of(2019, 1, 1)).subsidy())
                .isEqualByComparingTo("0");
    }

    @Test
    void aPartialShareFollowsTheTerms() {
        MicrocreditTerms seventy = new MicrocreditTerms(new BigDecimal("50000"), 36, 18, 65, new BigDecimal("0.0435"),
                new BigDecimal("0.0475"), new BigDecimal("0.70"));
        Microcredit l = loan("50000", "0.0475", LocalDate.of(2017, 1, 1), 36);
        InterestSubsidy s = calc.compute("x", seventy, l, l.householdId(), Map.of(), null, l.start(),
                l.start().plusYears(1));
        assertThat(s.subsidy()).isEqualByComparingTo("1662.50");
        assertThat(s.interest()).isEqualByComparingTo("2375.00");
    }
}

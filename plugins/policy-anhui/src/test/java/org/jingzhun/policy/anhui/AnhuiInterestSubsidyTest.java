package org.jingzhun.policy.anhui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jingzhun.spi.policy.InterestSubsidyRule;
import org.jingzhun.spi.policy.LoanRepayment;
import org.jingzhun.spi.policy.LoanSubsidy;
import org.jingzhun.spi.policy.Microloan;
import org.junit.jupiter.api.Test;

/**
 * The one implementation of the microloan interest subsidy (贷款贴息) on the reference numbers of 2016 (REFERENCE §4:
 * up to 50,000 yuan, benchmark 4.35% for one year and 4.75% up to three years, fully subsidised; a defaulted loan
 * loses the subsidy).
 */
class AnhuiInterestSubsidyTest {
    private final InterestSubsidyRule rule = new AnhuiPolicyPack(AnhuiPolicyConfig.defaults()).interestSubsidy()
            .orElseThrow();

    private static Microloan loan(String principal, String rate, LocalDate start, int months,
            List<LoanRepayment> repaid, LocalDate defaultedOn) {
        return new Microloan("341702-C1", AnhuiPolicyPackTest.HEAD, new BigDecimal(principal), new BigDecimal(rate),
                start, months, true, defaultedOn != null, defaultedOn, repaid);
    }

    private static Microloan loan(String principal, String rate, LocalDate start, int months) {
        return loan(principal, rate, start, months, List.of(), null);
    }

    @Test
    void fiftyThousandForThreeYearsIsTwoThousandThreeHundredSeventyFiveAYear() {
        Microloan l = loan("50000", "0.0475", LocalDate.of(2016, 7, 15), 36);

        LoanSubsidy s = rule.subsidy(l, l.start(), l.start().plusYears(1));

        assertThat(s.amount().amount()).isEqualByComparingTo("2375.00");
        assertThat(s.interest()).isEqualByComparingTo("2375.00");
        assertThat(s.days()).isEqualTo(365);
        assertThat(s.amount().policy()).isEqualTo("anhui.microloan.interest");
        assertThat(s.amount().explanation().pack()).isEqualTo("anhui");
        assertThat(s.amount().explanation().parameters()).containsEntry("基准利率", "4.75%（1至3年）")
                .containsEntry("贴息比例", "100%");
        assertThat(s.amount().explanation().inputs()).containsEntry("本金", "50000")
                .containsEntry("到期日", "2019-07-15");
        assertThat(s.amount().explanation().parts()).singleElement().satisfies(p -> {
            assertThat(p.basis()).isEqualTo("50000.00 × 4.75% × 100% × 365/365");
            assertThat(p.label()).isEqualTo("2016-07-15 至 2017-07-14 第1贷款年度");
        });
        assertThat(s.amount().explanation().result()).isEqualTo("贴息 2375.00 元（利息 2375.00 元），共 365 天");
    }

    @Test
    void oneYearLoansAreSubsidisedAtFourPointThreeFiveEvenWhenContractedHigher() {
        Microloan atBenchmark = loan("50000", "0.0435", LocalDate.of(2016, 3, 1), 12);
        Microloan above = loan("50000", "0.0475", LocalDate.of(2016, 3, 1), 12);

        assertThat(rule.subsidy(atBenchmark, LocalDate.of(2016, 1, 1), LocalDate.of(2018, 1, 1)).amount().amount())
                .isEqualByComparingTo("2175.00");
        LoanSubsidy s = rule.subsidy(above, LocalDate.of(2016, 1, 1), LocalDate.of(2018, 1, 1));
        assertThat(s.interest()).isEqualByComparingTo("2375.00");
        assertThat(s.amount().amount()).isEqualByComparingTo("2175.00");
    }

    @Test
    void aWholeTermIsThreeYearsOfInterestAndCalendarYearsAddUpToIt() {
        // 2016 is a leap year: the first loan year has 366 days and is still exactly one year of interest.
        Microloan l = loan("50000", "0.0475", LocalDate.of(2016, 2, 1), 36);
        assertThat(rule.subsidy(l, l.start(), l.maturity()).amount().amount()).isEqualByComparingTo("7125.00");
        BigDecimal byYear = BigDecimal.ZERO;
        for (int y = 2016; y <= 2019; y++) {
            byYear = byYear.add(rule.subsidy(l, LocalDate.of(y, 1, 1), LocalDate.of(y + 1, 1, 1)).amount().amount());
        }
        assertThat(byYear).isEqualByComparingTo("7125.00");
    }

    @Test
    void interestRunsOnTheOutstandingPrincipalAndStopsOnDefault() {
        LocalDate half = LocalDate.of(2017, 7, 1); // 181 days into a 365-day loan year
        Microloan repaid = loan("50000", "0.0475", LocalDate.of(2017, 1, 1), 36,
                List.of(new LoanRepayment(half, new BigDecimal("20000"))), null);
        LoanSubsidy s = rule.subsidy(repaid, LocalDate.of(2017, 1, 1), LocalDate.of(2018, 1, 1));
        // 50,000 × 4.75% × 181/365 = 1,177.74; 30,000 × 4.75% × 184/365 = 718.36
        assertThat(s.amount().explanation().parts()).extracting(p -> p.amount().toPlainString())
                .containsExactly("1177.74", "718.36");
        assertThat(s.amount().amount()).isEqualByComparingTo("1896.10");

        Microloan defaulted = loan("50000", "0.0475", LocalDate.of(2017, 1, 1), 36, List.of(), half);
        LoanSubsidy stopped = rule.subsidy(defaulted, LocalDate.of(2017, 1, 1), LocalDate.of(2018, 1, 1));
        assertThat(stopped.amount().amount()).isEqualByComparingTo("1177.74");
        assertThat(stopped.days()).isEqualTo(181);
        assertThat(stopped.amount().explanation().result()).contains("2017-07-01 逾期起停止贴息");
        assertThat(rule.subsidy(defaulted, LocalDate.of(2018, 1, 1), LocalDate.of(2019, 1, 1)).amount().amount())
                .isEqualByComparingTo("0");
    }

    @Test
    void theSameParametersCanStartEarlier() {
        AnhuiPolicyConfig from2015 = AnhuiPolicyConfig.defaults().withEffectiveFrom(LocalDate.of(2015, 1, 1));
        assertThat(new AnhuiPolicyPack(from2015).effectivePeriod().from()).isEqualTo(LocalDate.of(2015, 1, 1));
        assertThat(from2015.loanOneYearRate()).isEqualByComparingTo("0.0435");
    }

    @Test
    void aPartialShareAndThePrincipalCapFollowTheConfiguration() {
        AnhuiPolicyConfig d = AnhuiPolicyConfig.defaults();
        AnhuiPolicyConfig seventy = new AnhuiPolicyConfig(d.scopePrefix(), d.effectiveFrom(), d.effectiveUntil(),
                d.outOfPocketCaps(), d.chronicOutpatientShare(), new BigDecimal("40000"), d.loanOneYearRate(),
                d.loanThreeYearRate(), new BigDecimal("0.70"), d.borrowerMinAge(), d.borrowerMaxAge(),
                d.yuluPerSemester(), d.yuluLevels(), d.outputAwards(), d.outputAwardHouseholdCap());
        InterestSubsidyRule r = new AnhuiPolicyPack(seventy).interestSubsidy().orElseThrow();
        Microloan l = loan("50000", "0.0475", LocalDate.of(2017, 1, 1), 36);
        LoanSubsidy s = r.subsidy(l, l.start(), l.start().plusYears(1));
        assertThat(s.amount().amount()).isEqualByComparingTo("1330.00"); // 40,000 × 4.75% × 70%
        assertThat(s.interest()).isEqualByComparingTo("2375.00");
    }
}

package org.jingzhun.spi.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jingzhun.spi.household.HealthStatus;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.region.RegionCode;
import org.junit.jupiter.api.Test;

/** The small helpers that make a fixed-amount local benefit a few lines, and the loan facts' defaults. */
class SimplePolicyPackTest {
    private static CitizenId id(String birth, int seq) {
        String first17 = "341702" + birth + String.format("%03d", seq);
        return CitizenId.parse(first17 + CitizenId.checkCharacter(first17));
    }

    private static HouseholdFacts facts(HealthStatus second, HealthStatus third) {
        Household h = Household.builder().id("341702-00000001").region(RegionCode.of("341702100201"))
                .mainCause(PovertyCause.DISABILITY)
                .members(List.of(Member.of("张大山", id("19650302", 11), Relationship.HEAD),
                        Member.of("李秀英", id("19670812", 22), Relationship.SPOUSE).withHealth(second),
                        Member.of("张小军", id("19990815", 13), Relationship.SON).withHealth(third)))
                .build();
        return HouseholdFacts.of(h, 2016, null, null);
    }

    private static final PolicyPack PACK = SimplePolicyPack.builder("township-care",
            RegionScope.ofPrefix("341702100"), EffectivePeriod.from(LocalDate.of(2016, 1, 1)))
            .overrides("county.care")
            .benefit(Benefit.perPerson("county.care", "残疾人护理补贴", new BigDecimal("50"), "残疾成员",
                    Benefit::disabled).requires("户籍在本镇", f -> true))
            .build();

    @Test
    void perPersonPaysEachCountedMemberAPart() {
        BenefitAmount b = PACK.benefits().get(0).compute(facts(HealthStatus.DISABLED, HealthStatus.DISABLED));
        assertThat(b.amount()).isEqualByComparingTo("100.00");
        assertThat(b.explanation().parts()).extracting(ExplanationPart::label)
                .containsExactly("残疾成员 李秀英", "残疾成员 张小军");
        assertThat(b.explanation().inputs()).containsEntry("残疾成员", "2");
        assertThat(b.explanation().pack()).isEqualTo("township-care");
        assertThat(b.explanation().parameters()).containsEntry("每人金额", "50.00")
                .containsEntry("条件", "户籍在本镇；按残疾成员计");
    }

    @Test
    void perPersonWithNobodyCountedSaysSo() {
        BenefitAmount b = PACK.benefits().get(0).compute(facts(HealthStatus.HEALTHY, HealthStatus.HEALTHY));
        assertThat(b.amount()).isEqualByComparingTo("0.00");
        assertThat(b.explanation().result()).isEqualTo("不享受：无残疾成员");
    }

    @Test
    void thePackCarriesItsScopePeriodOverridesAndRules() {
        assertThat(PACK.name()).isEqualTo("township-care");
        assertThat(PACK.regionScope().prefix()).isEqualTo("341702100");
        assertThat(PACK.effectivePeriod().from()).isEqualTo(LocalDate.of(2016, 1, 1));
        assertThat(PACK.overrides()).containsExactly("county.care");
        assertThat(PACK.config()).isNull();
        assertThat(PACK.provides(RuleKind.BENEFIT)).isTrue();
        assertThat(PACK.provides(RuleKind.INTEREST_SUBSIDY)).isFalse();
        assertThat(PACK.benefits().get(0).title()).isEqualTo("残疾人护理补贴");
    }

    @Test
    void aMoneyAmountWithMoreThanTwoDecimalsIsRefused() {
        assertThatThrownBy(() -> Benefit.perHousehold("x", "x", new BigDecimal("1.005")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void loanFactsDefaultToNoRepaymentsAndSortThem() {
        Microloan reported = new Microloan("L", id("19650302", 11), new BigDecimal("1000"), new BigDecimal("0.04"),
                LocalDate.of(2016, 3, 1), 12, true, false);
        assertThat(reported.repayments()).isEmpty();
        assertThat(reported.maturity()).isEqualTo(LocalDate.of(2017, 3, 1));
        Microloan ledger = new Microloan("L", id("19650302", 11), new BigDecimal("1000"), new BigDecimal("0.04"),
                LocalDate.of(2016, 3, 1), 12, true, false, LocalDate.of(2016, 9, 1), List.of(
                        new LoanRepayment(LocalDate.of(2016, 8, 1), BigDecimal.TEN),
                        new LoanRepayment(LocalDate.of(2016, 5, 1), BigDecimal.ONE)));
        assertThat(ledger.defaulted()).isTrue();
        assertThat(ledger.repayments()).extracting(LoanRepayment::date)
                .containsExactly(LocalDate.of(2016, 5, 1), LocalDate.of(2016, 8, 1));
        assertThatThrownBy(() -> new LoanSubsidy("L", -1, BigDecimal.ZERO, null)).isInstanceOf(
                NullPointerException.class);
    }
}

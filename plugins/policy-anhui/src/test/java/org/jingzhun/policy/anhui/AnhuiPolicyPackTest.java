package org.jingzhun.policy.anhui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.household.StudentStatus;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.policy.BenefitAmount;
import org.jingzhun.spi.policy.HospitalLevel;
import org.jingzhun.spi.policy.HouseholdFacts;
import org.jingzhun.spi.policy.MedicalExpense;
import org.jingzhun.spi.policy.MedicalKind;
import org.jingzhun.spi.policy.Microloan;
import org.jingzhun.spi.policy.OutputRecord;
import org.jingzhun.spi.policy.OutputUnit;
import org.jingzhun.spi.policy.PolicyPack;
import org.jingzhun.spi.policy.SupplementaryFacts;
import org.jingzhun.spi.policy.VocationalStudent;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.testkit.policy.AbstractPolicyPackContractTest;
import org.junit.jupiter.api.Test;

class AnhuiPolicyPackTest extends AbstractPolicyPackContractTest {
    static final CitizenId HEAD = id("19650302", 11);
    static final CitizenId SON = id("19990815", 12);
    private final AnhuiPolicyPack pack = new AnhuiPolicyPack(AnhuiPolicyConfig.defaults());

    static CitizenId id(String birth, int seq) {
        String first17 = "341702" + birth + String.format("%03d", seq);
        return CitizenId.parse(first17 + CitizenId.checkCharacter(first17));
    }

    static Household household(PovertyStatus status) {
        return Household.builder().id("341702-00000001").region(RegionCode.of("341702100201"))
                .mainCause(PovertyCause.ILLNESS).status(status)
                .members(List.of(Member.of("户主", HEAD, Relationship.HEAD), Member.of("子", SON, Relationship.SON)))
                .build();
    }

    static SupplementaryFacts rich() {
        return SupplementaryFacts.none()
                .withMedical(List.of(
                        new MedicalExpense(HEAD, MedicalKind.INPATIENT, HospitalLevel.COUNTY, new BigDecimal("20000"),
                                new BigDecimal("14000")),
                        new MedicalExpense(HEAD, MedicalKind.INPATIENT, HospitalLevel.PREFECTURE,
                                new BigDecimal("30000"), new BigDecimal("21000")),
                        new MedicalExpense(HEAD, MedicalKind.CHRONIC_OUTPATIENT, HospitalLevel.COUNTY,
                                new BigDecimal("1000.05"), new BigDecimal("500"))))
                .withLoans(List.of(new Microloan("L1", HEAD, new BigDecimal("50000"), new BigDecimal("0.0435"),
                        LocalDate.of(2016, 7, 1), 36, true, false)))
                .withStudents(List.of(new VocationalStudent(SON, StudentStatus.SECONDARY_VOCATIONAL, 2)))
                .withOutputs(List.of(new OutputRecord("tea", OutputUnit.MU, new BigDecimal("8")),
                        new OutputRecord("cattle", OutputUnit.HEAD, new BigDecimal("3"))));
    }

    static HouseholdFacts facts(PovertyStatus status, SupplementaryFacts extra) {
        return HouseholdFacts.of(household(status), 2016, new IncomeStatement("341702-00000001", 2016,
                Map.of(IncomeItem.WAGES, new BigDecimal("5000")), BigDecimal.ZERO, 2, 0), extra);
    }

    @Override
    protected PolicyPack pack() {
        return new AnhuiPolicyPack(AnhuiPolicyConfig.defaults());
    }

    @Override
    protected List<HouseholdFacts> sampleHouseholds() {
        return List.of(facts(PovertyStatus.NOT_EXITED, rich()), facts(PovertyStatus.NOT_EXITED, null),
                facts(PovertyStatus.NON_POOR, rich()));
    }

    private BenefitAmount compute(String policy, HouseholdFacts f) {
        return pack.benefits().stream().filter(b -> b.policy().equals(policy)).findFirst().orElseThrow().compute(f);
    }

    @Test
    void patientsOutOfPocketIsCappedByTheHighestHospitalLevel() {
        // Out of pocket 6,000 (county) + 9,000 (prefecture) = 15,000; cap 5,000 (prefecture): government pays 10,000.
        BenefitAmount b = compute("anhui.health.351", facts(PovertyStatus.NOT_EXITED, rich()));
        assertThat(b.amount()).isEqualByComparingTo("10000.00");
        assertThat(b.explanation().parts()).singleElement()
                .satisfies(p -> assertThat(p.basis()).contains("15000.00", "5000.00"));
        assertThat(b.explanation().parameters()).containsEntry("cap.PROVINCIAL", "10000.00");
    }

    @Test
    void patientUnderTheCapGetsNothing() {
        SupplementaryFacts small = SupplementaryFacts.none().withMedical(List.of(new MedicalExpense(HEAD,
                MedicalKind.INPATIENT, HospitalLevel.COUNTY, new BigDecimal("8000"), new BigDecimal("5000.01"))));
        assertThat(compute("anhui.health.351", facts(PovertyStatus.NOT_EXITED, small)).amount())
                .isEqualByComparingTo("0.00");
    }

    @Test
    void chronicOutpatientShareLoanSubsidyYuluAndAwards() {
        HouseholdFacts f = facts(PovertyStatus.NOT_EXITED, rich());
        assertThat(compute("anhui.health.180", f).amount()).isEqualByComparingTo("400.04"); // 500.05 × 0.8
        // 50,000 × min(4.35%, 4.75% for three years) × 184/365 (1 July to 31 December 2016 in the first loan year).
        assertThat(pack.interestSubsidy().orElseThrow().subsidy(f.extra().loans().get(0), LocalDate.of(2016, 1, 1),
                LocalDate.of(2017, 1, 1)).amount().amount()).isEqualByComparingTo("1096.44");
        assertThat(compute("anhui.yulu", f).amount()).isEqualByComparingTo("3000.00");
        // tea 8 mu × 500 = 4,000 capped at 3,000; cattle 3 × 1,000 = 3,000; 6,000 capped per household at 5,000.
        BenefitAmount awards = compute("anhui.output-award", f);
        assertThat(awards.amount()).isEqualByComparingTo("5000.00");
        assertThat(awards.explanation().parts()).hasSize(3);
    }

    @Test
    void defaultedLoanAndNonPoorHouseholdGetNothing() {
        SupplementaryFacts defaulted = SupplementaryFacts.none().withLoans(List.of(new Microloan("L2", HEAD,
                new BigDecimal("30000"), new BigDecimal("0.0435"), LocalDate.of(2016, 1, 1), 12, true, true)));
        BenefitAmount none = pack.interestSubsidy().orElseThrow().subsidy(defaulted.loans().get(0),
                LocalDate.of(2016, 1, 1), LocalDate.of(2017, 1, 1)).amount();
        assertThat(none.amount()).isEqualByComparingTo("0.00");
        assertThat(none.explanation().result()).isEqualTo("不享受：贷款逾期不贴息");
        assertThat(compute("anhui.yulu", facts(PovertyStatus.NON_POOR, rich())).amount())
                .isEqualByComparingTo("0.00");
    }
}

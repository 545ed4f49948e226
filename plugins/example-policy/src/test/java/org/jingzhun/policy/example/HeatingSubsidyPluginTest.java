package org.jingzhun.policy.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.jingzhun.spi.household.HealthStatus;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.policy.BenefitAmount;
import org.jingzhun.spi.policy.HouseholdFacts;
import org.jingzhun.spi.policy.PolicyPack;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.testkit.policy.AbstractPolicyPackContractTest;
import org.junit.jupiter.api.Test;

/** The template's contract test: the testkit's policy-pack contract plus the subsidy worked out by hand. */
class HeatingSubsidyPluginTest extends AbstractPolicyPackContractTest {
    private static CitizenId id(String birth, int seq) {
        String first17 = "341702" + birth + String.format("%03d", seq);
        return CitizenId.parse(first17 + CitizenId.checkCharacter(first17));
    }

    private static HouseholdFacts household(PovertyStatus status, HealthStatus spouseHealth) {
        Household h = Household.builder().id("341702-00000001").region(RegionCode.of("341702100201"))
                .mainCause(PovertyCause.DISABILITY).status(status)
                .members(List.of(Member.of("张大山", id("19650302", 11), Relationship.HEAD),
                        Member.of("李秀英", id("19670812", 22), Relationship.SPOUSE).withHealth(spouseHealth)))
                .build();
        return HouseholdFacts.of(h, 2016, null, null);
    }

    @Override
    protected PolicyPack pack() {
        return new HeatingSubsidyPlugin().policyPacks().get(0);
    }

    @Override
    protected List<HouseholdFacts> sampleHouseholds() {
        return List.of(household(PovertyStatus.NOT_EXITED, HealthStatus.DISABLED),
                household(PovertyStatus.NOT_EXITED, HealthStatus.HEALTHY),
                household(PovertyStatus.NON_POOR, HealthStatus.DISABLED));
    }

    private BenefitAmount heating(HouseholdFacts f) {
        return pack().benefits().get(0).compute(f);
    }

    @Test
    void aPoorHouseholdWithADisabledMemberGetsThreeHundredYuan() {
        BenefitAmount b = heating(sampleHouseholds().get(0));
        assertThat(b.amount()).isEqualByComparingTo("300.00");
        assertThat(b.explanation().pack()).isEqualTo("example-heating");
        assertThat(b.explanation().parameters()).containsEntry("每户金额", "300.00")
                .containsEntry("条件", "贫困户、有残疾成员");
        assertThat(b.explanation().inputs()).containsEntry("贫困户", "是").containsEntry("有残疾成员", "是");
        assertThat(b.explanation().result()).isEqualTo("享受");
    }

    @Test
    void othersAreToldWhichConditionTheyFail() {
        assertThat(heating(sampleHouseholds().get(1)).explanation().result()).isEqualTo("不享受：不满足有残疾成员");
        assertThat(heating(sampleHouseholds().get(2)).explanation().result()).isEqualTo("不享受：不满足贫困户");
    }

    /** The guide shows the template's code unchanged, and the class stays within 30 lines of code. */
    @Test
    void theGuideShowsThisCodeAndItStaysSmall() throws java.io.IOException {
        String source = java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/main/java/org/jingzhun/policy/example/HeatingSubsidyPlugin.java"));
        String guide = java.nio.file.Files.readString(java.nio.file.Path.of("../../docs/plugins.md"));
        assertThat(guide).contains(source.strip());
        long classLines = source.substring(source.indexOf("public final class")).lines()
                .filter(l -> !l.isBlank()).count();
        assertThat(classLines).isLessThanOrEqualTo(30);
    }

    @Test
    void theCountyAndAmountAreConfiguration() {
        PolicyPack other = new HeatingSubsidyPlugin(new HeatingSubsidyPlugin.Config("341721",
                java.time.LocalDate.of(2017, 1, 1), new BigDecimal("450.00"))).policyPacks().get(0);
        assertThat(other.regionScope().prefix()).isEqualTo("341721");
        assertThat(other.appliesTo(RegionCode.of("341702100201"), java.time.LocalDate.of(2017, 6, 1))).isFalse();
        assertThat(other.config()).isInstanceOf(HeatingSubsidyPlugin.Config.class);
        assertThat(new HeatingSubsidyPlugin().name()).isEqualTo("example-policy");
    }
}

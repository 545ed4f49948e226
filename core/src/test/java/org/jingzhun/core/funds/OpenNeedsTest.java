package org.jingzhun.core.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jingzhun.core.funds.FundsFixtures.COUNTY;
import static org.jingzhun.core.funds.FundsFixtures.DAY;
import static org.jingzhun.core.funds.FundsFixtures.OFFICER;
import static org.jingzhun.core.funds.FundsFixtures.TOWN_A;
import static org.jingzhun.core.funds.FundsFixtures.VILLAGE_A1;
import static org.jingzhun.core.funds.FundsFixtures.VILLAGE_B1;
import static org.jingzhun.core.funds.FundsFixtures.id;
import static org.jingzhun.core.funds.FundsFixtures.project;
import static org.jingzhun.core.funds.FundsFixtures.source;
import static org.jingzhun.core.funds.FundsFixtures.yuan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.AccessDeniedException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.funds.AidProject;
import org.jingzhun.spi.funds.Allocation;
import org.jingzhun.spi.funds.Donor;
import org.jingzhun.spi.funds.DonorKind;
import org.jingzhun.spi.funds.FundSource;
import org.jingzhun.spi.funds.FundSourceKind;
import org.jingzhun.spi.funds.ProjectCategory;
import org.jingzhun.spi.funds.ProjectClaim;
import org.jingzhun.spi.funds.ProjectStatus;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.plan.HouseholdPlan;
import org.jingzhun.spi.plan.Measure;
import org.jingzhun.spi.plan.MeasureStatus;
import org.jingzhun.spi.plan.MeasureType;
import org.jingzhun.spi.region.RegionCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The donors' needs list of the social platform: open projects, unmet money, household needs without personal data. */
class OpenNeedsTest {
    private Jingzhun jz;
    private FundsService funds;
    private final List<Household> households = new ArrayList<>();
    private AidProject road;
    private AidProject funded;

    @BeforeEach
    void setUp() {
        jz = FundsFixtures.newJingzhun();
        funds = jz.funds();
        households.add(household(VILLAGE_A1, 1, "王秀英", "13912345678", "6228480012345678901", "刘街村三组12号"));
        households.add(household(VILLAGE_A1, 11, "李建国", "13800001111", "6217000010000000002", "刘街村五组3号"));
        households.add(household(VILLAGE_B1, 21, "张桂兰", "15955556666", "6222020000000000003", "石门村一组8号"));
        FundSource special = funds.addSource(OFFICER, source(FundSourceKind.COUNTY_FISCAL, "池财农〔2016〕12号",
                "200000", COUNTY), "2016 county special funds");
        road = funds.addProject(OFFICER, project(VILLAGE_A1, "刘街村道路硬化", ProjectCategory.INFRASTRUCTURE, "80000",
                List.of(households.get(0).id(), households.get(1).id())), "village plan");
        funds.allocate(OFFICER, new Allocation(special.id(), road.id(), yuan("30000"), DAY), "first tranche");
        funds.claimProject(OFFICER, ProjectClaim.of(road.id(), new Donor(DonorKind.INDIVIDUAL, "赵志强", "13711112222"),
                yuan("20000"), DAY, "认领部分路段"), "donor pledge");
        funded = funds.addProject(OFFICER, project(VILLAGE_B1, "石门村路灯", ProjectCategory.INFRASTRUCTURE, "10000",
                List.of()), "village plan");
        funds.allocate(OFFICER, new Allocation(special.id(), funded.id(), yuan("10000"), DAY), "fully funded");
        AidProject done = funds.addProject(OFFICER, project(TOWN_A, "梅街镇茶园", ProjectCategory.INDUSTRY, "50000",
                List.of()), "town plan");
        funds.updateProject(OFFICER, done.withStatus(ProjectStatus.COMPLETED), "验收");
        AidProject school = funds.addProject(OFFICER, project(TOWN_A, "梅街镇小学食堂", ProjectCategory.EDUCATION,
                "40000", List.of()), "town plan");
        assertThat(school.status().takesAllocations()).isTrue();

        plan(households.get(0), List.of(
                measure("M1", MeasureType.HOUSING_RENOVATION, "15000", FundSourceKind.SOCIAL_DONATION,
                        MeasureStatus.PLANNED),
                measure("M2", MeasureType.EDUCATION, "3000", FundSourceKind.SOCIAL_DONATION, MeasureStatus.DONE),
                measure("M3", MeasureType.INDUSTRY, "5000", FundSourceKind.COUNTY_FISCAL, MeasureStatus.PLANNED)));
        plan(households.get(1), List.of(
                measure("M1", MeasureType.HOUSING_RENOVATION, "12000.50", FundSourceKind.SOCIAL_DONATION,
                        MeasureStatus.IN_PROGRESS)));
        plan(households.get(2), List.of(
                measure("M1", MeasureType.EDUCATION, "3000", FundSourceKind.SOCIAL_DONATION, MeasureStatus.PLANNED)));
    }

    @AfterEach
    void tearDown() {
        jz.close();
    }

    @Test
    void openProjectsShowTheirUnmetBudgetAndHouseholdNeedsAreSumsPerVillageAndKind() {
        OpenNeeds needs = funds.openNeeds(COUNTY);
        // 刘街村道路硬化: 80,000 budget, 30,000 allocated and 20,000 pledged → 30,000 unmet. The street lights are fully
        // funded and the tea garden completed, so neither is listed; the school has everything still to find.
        assertThat(needs.projects()).extracting(p -> p.name() + " " + p.committed().toPlainString() + " "
                + p.unmet().toPlainString()).containsExactly("梅街镇小学食堂 0.00 40000.00",
                        "刘街村道路硬化 50000.00 30000.00");
        assertThat(needs.projects().get(1).regionName()).isEqualTo("刘街村");
        // Done measures and measures paid by fiscal money are not donors' needs.
        assertThat(needs.householdNeeds()).extracting(n -> n.villageName() + " " + n.kind() + " " + n.households()
                + " " + n.amount().toPlainString()).containsExactly(
                        "刘街村 HOUSING_RENOVATION 2 27000.50",
                        "石门村 EDUCATION 1 3000.00");
        assertThat(funds.openNeeds(OFFICER, VILLAGE_B1).householdNeeds()).extracting(OpenNeeds.HouseholdNeed::village)
                .containsOnly(VILLAGE_B1);
        assertThat(funds.openNeeds(OFFICER, VILLAGE_B1).projects()).isEmpty();
    }

    @Test
    void theListCarriesNoPersonalDataWhoeverReadsIt() throws Exception {
        Principal viewer = Principal.viewer("viewer", COUNTY);
        for (OpenNeeds needs : List.of(funds.openNeeds(COUNTY), funds.openNeeds(OFFICER, COUNTY),
                funds.openNeeds(viewer, COUNTY))) {
            String json = jz.json().writeValueAsString(needs);
            assertThat(needs.projects()).isNotEmpty();
            assertThat(needs.householdNeeds()).isNotEmpty();
            for (Household h : households) {
                assertThat(json).doesNotContain(h.id(), h.phone(), h.bankAccount(), h.address());
                for (Member m : h.members()) {
                    assertThat(json).doesNotContain(m.name(), m.citizenId().value(),
                            m.citizenId().value().substring(0, 14), m.citizenId().value().substring(10));
                }
            }
            assertThat(json).doesNotContain("赵志强", "13711112222", "beneficiaries", "householdId");
            // Nothing that even looks like a citizen ID, a mobile number or a bank card.
            assertThat(Pattern.compile("\\d{17}[\\dX]|1[3-9]\\d{9}|\\d{16,19}").matcher(json).find()).isFalse();
        }
    }

    @Test
    void signedInReadsAreNarrowedAndThePublicMayOnlyAskForKnownAreas() {
        Principal town = Principal.viewer("town-a", TOWN_A);
        assertThat(funds.openNeeds(town, COUNTY).area()).isEqualTo(TOWN_A);
        assertThat(funds.openNeeds(town, COUNTY).projects()).extracting(OpenNeeds.ProjectNeed::region)
                .allMatch(TOWN_A::contains);
        assertThatThrownBy(() -> funds.openNeeds(town, VILLAGE_B1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> funds.openNeeds(RegionCode.of("341799"))).isInstanceOf(ValidationException.class);
    }

    private Household household(RegionCode village, int seq, String head, String phone, String account,
            String address) {
        List<Member> members = List.of(Member.of(head, id("19650302", seq), Relationship.HEAD),
                Member.of(head.charAt(0) + "小明", id("19900815", seq + 1), Relationship.SON));
        return jz.registry().register(OFFICER, Household.builder().region(village)
                .mainCause(PovertyCause.LACK_OF_CAPITAL).phone(phone).bank("农商行", account).address(address)
                .members(members).build(), "baseline");
    }

    private void plan(Household h, List<Measure> measures) {
        jz.plans().saveHouseholdPlan(OFFICER, new HouseholdPlan(h.id(), h.region(), 2016, new BigDecimal("3100.00"),
                null, List.of(), measures), 0, "一户一策");
    }

    private static Measure measure(String id, MeasureType type, String cost, FundSourceKind funding,
            MeasureStatus status) {
        return new Measure(id, type, type.label(), new BigDecimal(cost), BigDecimal.ZERO, funding, null,
                LocalDate.of(2016, 12, 31), status, List.of());
    }
}

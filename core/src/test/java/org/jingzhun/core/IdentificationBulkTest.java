package org.jingzhun.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jingzhun.core.Fixtures.COUNTY_OFFICER;
import static org.jingzhun.core.Fixtures.TOWN_A;
import static org.jingzhun.core.Fixtures.VILLAGE_A1;
import static org.jingzhun.core.Fixtures.household;
import static org.jingzhun.core.PolicyFixtures.income;

import java.io.StringReader;
import java.util.List;
import org.jingzhun.core.crosscheck.CsvCrossCheckSource;
import org.jingzhun.core.identification.IdentificationAction;
import org.jingzhun.core.identification.IdentificationCase;
import org.jingzhun.core.identification.IdentificationStage;
import org.jingzhun.core.identification.IdentificationWorkflow;
import org.jingzhun.core.identification.VillageVote;
import org.jingzhun.core.identification.WorkflowStep;
import org.jingzhun.core.registry.HistoryEntry;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.PovertyStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The list forms of the identification steps: the same procedure as case by case, all or nothing per list. */
class IdentificationBulkTest {
    private final MutableClock clock = new MutableClock("2016-03-01");
    private final Principal village = new Principal("village-clerk", "村文书", VILLAGE_A1,
            java.util.EnumSet.of(Permission.READ, Permission.WRITE, Permission.APPROVE));
    private final Principal township = Principal.officer("town-reviewer", TOWN_A);
    private Jingzhun jz = PolicyFixtures.newJingzhun(clock);

    @AfterEach
    void close() {
        jz.close();
    }

    private List<String> apply(int firstSeq, String... perCapita) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < perCapita.length; i++) {
            ids.add(jz.identification().apply(village, 2016, household(VILLAGE_A1, firstSeq + i, 2),
                    income("x", 2016, 2, perCapita[i]), "户申请").id());
        }
        return ids;
    }

    private void throughSecondNotice(List<String> ids) {
        jz.identification().villageReviewAll(village, ids, new VillageVote(15, 2, 1), "代表会议");
        jz.identification().openFirstNoticeAll(village, ids, "村务公开栏");
        clock.advanceDays(7);
        jz.identification().townshipReviewAll(township, ids, true, "镇审核");
        jz.identification().openSecondNoticeAll(village, ids, "第二次公示");
        clock.advanceDays(7);
    }

    private IdentificationStage stage(String id) {
        return jz.identification().get(COUNTY_OFFICER, id).stage();
    }

    @Test
    void listsTakeEveryCaseThroughTheSameStepsAsOneByOneAndRegisterThem() {
        List<String> ids = apply(10, "1800.00", "2200.00", "2999.99");
        String single = apply(20, "2500.00").get(0);
        throughSecondNotice(ids);
        jz.identification().villageReview(village, single, new VillageVote(15, 2, 1), "代表会议");
        jz.identification().openFirstNotice(village, single, "村务公开栏");
        clock.advanceDays(7);
        jz.identification().townshipReview(township, single, true, "镇审核");
        jz.identification().openSecondNotice(village, single, "第二次公示");
        clock.advanceDays(7);

        List<IdentificationCase> done = jz.identification().countyApproveAll(COUNTY_OFFICER, ids, "审批公告");
        IdentificationCase oneByOne = jz.identification().countyApprove(COUNTY_OFFICER, single, "审批公告");

        assertThat(done).extracting(IdentificationCase::id).containsExactlyElementsOf(ids);
        for (IdentificationCase c : done) {
            assertThat(c.stage()).isEqualTo(IdentificationStage.REGISTERED);
            assertThat(IdentificationAction.replay(c.id(), c.steps())).isEqualTo(IdentificationStage.REGISTERED);
            assertThat(c.steps()).extracting(WorkflowStep::action)
                    .containsExactlyElementsOf(oneByOne.steps().stream().map(WorkflowStep::action).toList());
            Household h = jz.registry().get(COUNTY_OFFICER, c.householdId());
            assertThat(h.status()).isEqualTo(PovertyStatus.NOT_EXITED);
            assertThat(h.identifiedYear()).isEqualTo(2016);
            assertThat(h.members()).isEqualTo(c.applicant().members());
            assertThat(jz.registry().income(COUNTY_OFFICER, h.id(), 2016)).get()
                    .satisfies(s -> assertThat(s.items()).isEqualTo(c.income().items()));
            assertThat(jz.registry().history(COUNTY_OFFICER, h.id())).extracting(HistoryEntry::action)
                    .contains("register", "identification", "record-income");
        }
        assertThat(done).extracting(IdentificationCase::householdId).doesNotHaveDuplicates()
                .doesNotContain(oneByOne.householdId());
    }

    @Test
    void aCaseThatCannotTakeTheStepRefusesTheWholeListAndNothingMoves() {
        List<String> ids = apply(10, "1800.00", "2200.00", "2400.00");
        jz.identification().villageReviewAll(village, ids.subList(0, 2), new VillageVote(15, 2, 1), "代表会议");
        assertThatThrownBy(() -> jz.identification().openFirstNoticeAll(village, ids, "公示"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining(ids.get(2));
        assertThat(ids.subList(0, 2)).allSatisfy(id ->
                assertThat(stage(id)).isEqualTo(IdentificationStage.VILLAGE_REVIEWED));
        assertThat(stage(ids.get(2))).isEqualTo(IdentificationStage.APPLIED);

        jz.identification().openFirstNoticeAll(village, ids.subList(0, 2), "公示");
        clock.advanceDays(3);
        assertThatThrownBy(() -> jz.identification().townshipReviewAll(township, ids.subList(0, 2), true, "早了"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining(ids.get(0));
        assertThat(ids.subList(0, 2)).allSatisfy(id ->
                assertThat(stage(id)).isEqualTo(IdentificationStage.FIRST_NOTICE));
    }

    @Test
    void anIneligibleCaseRefusesTheCountyApprovalOfItsListAndNoneIsRegistered() {
        List<String> ids = apply(10, "1800.00", "3000.00");
        throughSecondNotice(ids);
        assertThatThrownBy(() -> jz.identification().countyApproveAll(COUNTY_OFFICER, ids, "审批"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("not eligible")
                .hasMessageContaining(ids.get(1));
        assertThat(ids).allSatisfy(id -> assertThat(stage(id)).isEqualTo(IdentificationStage.SECOND_NOTICE));
        assertThat(jz.registry().count(COUNTY_OFFICER, VILLAGE_A1)).isZero();
    }

    @Test
    void applyAllOpensEveryCaseInOrderOrNoneAndNamesEveryProblem() {
        List<IdentificationWorkflow.Application> bad = List.of(
                new IdentificationWorkflow.Application(household(VILLAGE_A1, 10, 2), income("x", 2016, 2, "1800")),
                new IdentificationWorkflow.Application(household(VILLAGE_A1, 11, 2), income("x", 2016, 3, "1800")),
                new IdentificationWorkflow.Application(household(VILLAGE_A1, 12, 2), income("x", 2015, 2, "1800")));
        assertThatThrownBy(() -> jz.identification().applyAll(village, 2016, bad, "户申请"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations())
                        .extracting(org.jingzhun.spi.error.Violation::field)
                        .containsExactly("income.householdSize", "income.year"));
        assertThat(jz.identification().list(COUNTY_OFFICER, VILLAGE_A1, null)).isEmpty();

        List<IdentificationCase> opened = jz.identification().applyAll(village, 2016, List.of(
                new IdentificationWorkflow.Application(household(VILLAGE_A1, 10, 2), income("x", 2016, 2, "1800")),
                new IdentificationWorkflow.Application(household(VILLAGE_A1, 11, 3), income("x", 2016, 3, "3500"))),
                "户申请");
        assertThat(opened).extracting(IdentificationCase::stage).containsOnly(IdentificationStage.APPLIED);
        assertThat(opened.get(0).eligibility().positive()).isTrue();
        assertThat(opened.get(1).eligibility().positive()).isFalse();
        assertThat(opened.get(0).income().householdId()).isEqualTo(opened.get(0).id());
        // The refused list reserved no ids: the first case takes the county's first number.
        assertThat(opened).extracting(IdentificationCase::id)
                .containsExactly("341702-00000001", "341702-00000002");
        assertThat(jz.identification().list(COUNTY_OFFICER, VILLAGE_A1, 2016)).hasSize(2);
    }

    @Test
    void aCaseListedTwiceIsRefused() {
        List<String> ids = apply(10, "1800.00");
        assertThatThrownBy(() -> jz.identification().villageReviewAll(village, List.of(ids.get(0), ids.get(0)),
                new VillageVote(15, 2, 1), "x"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining(ids.get(0));
        assertThat(stage(ids.get(0))).isEqualTo(IdentificationStage.APPLIED);
    }

    @Test
    void anUnclearedCrossCheckHitBlocksItsListUntilCleared() {
        jz.close();
        Household flagged = household(VILLAGE_A1, 11, 2);
        String idValue = flagged.members().get(1).citizenId().value();
        jz = PolicyFixtures.newJingzhun(clock, CsvCrossCheckSource.read("vehicles", new StringReader(
                "citizen_id,category,detail\n" + idValue + ",vehicle,小型轿车\n")));
        List<String> ids = apply(10, "1800.00", "1900.00");
        throughSecondNotice(ids);
        assertThatThrownBy(() -> jz.identification().countyApproveAll(COUNTY_OFFICER, ids, "审批"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("uncleared cross-check")
                .hasMessageContaining(ids.get(1));
        assertThat(ids).allSatisfy(id -> assertThat(stage(id)).isEqualTo(IdentificationStage.SECOND_NOTICE));
        jz.identification().clearFinding(COUNTY_OFFICER, ids.get(1), flagged.members().get(1).citizenId(),
                "vehicles", "车辆已过户");
        assertThat(jz.identification().countyApproveAll(COUNTY_OFFICER, ids, "审批"))
                .extracting(IdentificationCase::stage).containsOnly(IdentificationStage.REGISTERED);
    }
}

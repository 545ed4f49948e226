package org.jingzhun.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jingzhun.core.Fixtures.COUNTY;
import static org.jingzhun.core.Fixtures.COUNTY_OFFICER;
import static org.jingzhun.core.Fixtures.TOWN_A;
import static org.jingzhun.core.Fixtures.VILLAGE_A1;
import static org.jingzhun.core.Fixtures.household;
import static org.jingzhun.core.PolicyFixtures.income;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jingzhun.core.benefit.BenefitStatement;
import org.jingzhun.core.crosscheck.CsvCrossCheckSource;
import org.jingzhun.core.identification.ExitCase;
import org.jingzhun.core.identification.ExitStage;
import org.jingzhun.core.identification.IdentificationAction;
import org.jingzhun.core.identification.IdentificationCase;
import org.jingzhun.core.identification.IdentificationStage;
import org.jingzhun.core.identification.MemberChange;
import org.jingzhun.core.identification.VillageVote;
import org.jingzhun.core.monitoring.MonitoringRecord;
import org.jingzhun.core.registry.HistoryEntry;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.AccessDeniedException;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.policy.MonitoringCategory;
import org.jingzhun.spi.policy.SupplementaryFacts;
import org.jingzhun.spi.region.RegionCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The county's year, end to end through the public API, with a movable clock. */
class IdentificationWorkflowTest {
    private final MutableClock clock = new MutableClock("2016-03-01");
    private final Principal village = new Principal("village-clerk", "村文书", VILLAGE_A1,
            java.util.EnumSet.of(Permission.READ, Permission.WRITE, Permission.APPROVE));
    private final Principal township = Principal.officer("town-reviewer", TOWN_A);
    private final Principal county = COUNTY_OFFICER;
    private Jingzhun jz = PolicyFixtures.newJingzhun(clock);

    @AfterEach
    void close() {
        jz.close();
    }

    private IdentificationCase apply(int seq, int size, String perCapita) {
        return jz.identification().apply(village, 2016, household(VILLAGE_A1, seq, size),
                income("x", 2016, size, perCapita), "户申请");
    }

    private IdentificationCase throughSecondNotice(String caseId) {
        jz.identification().villageReview(village, caseId, new VillageVote(15, 2, 1), "代表会议");
        jz.identification().openFirstNotice(village, caseId, "村务公开栏");
        clock.advanceDays(7);
        jz.identification().townshipReview(township, caseId, true, "镇审核");
        return jz.identification().openSecondNotice(village, caseId, "第二次公示");
    }

    @Test
    void applicantJustUnderTheLineIsRegisteredAfterTheWholeProcedure() {
        IdentificationCase c = apply(10, 3, "2999.99");
        assertThat(c.eligibility().positive()).isTrue();
        throughSecondNotice(c.id());
        clock.advanceDays(7);
        IdentificationCase done = jz.identification().countyApprove(county, c.id(), "县扶贫办审批公告 2016-3号");
        assertThat(done.stage()).isEqualTo(IdentificationStage.REGISTERED);
        assertThat(IdentificationAction.replay(done.id(), done.steps())).isEqualTo(done.stage());
        Household h = jz.registry().get(county, done.householdId());
        assertThat(h.status()).isEqualTo(PovertyStatus.NOT_EXITED);
        assertThat(h.identifiedYear()).isEqualTo(2016);
        assertThat(jz.registry().income(county, h.id(), 2016)).isPresent();
        assertThat(jz.registry().history(county, h.id())).extracting(HistoryEntry::action)
                .contains("register", "identification");
        assertThat(done.steps()).extracting(s -> s.actorId()).contains("village-clerk", "town-reviewer",
                "county-clerk");
    }

    @Test
    void applicantJustOverTheLineCannotBeApproved() {
        IdentificationCase c = apply(10, 3, "3000.00");
        assertThat(c.eligibility().positive()).isFalse();
        throughSecondNotice(c.id());
        clock.advanceDays(7);
        assertThatThrownBy(() -> jz.identification().countyApprove(county, c.id(), "审批"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("not eligible");
        assertThat(jz.identification().get(county, c.id()).stage()).isEqualTo(IdentificationStage.SECOND_NOTICE);
    }

    @Test
    void objectionDuringNoticeSendsCaseBackToReviewAndIsKept() {
        IdentificationCase c = apply(10, 2, "2000.00");
        jz.identification().villageReview(village, c.id(), new VillageVote(12, 3, 0), null);
        jz.identification().openFirstNotice(village, c.id(), "公示");
        clock.advanceDays(3);
        IdentificationCase back = jz.identification().object(village, c.id(), "村民张某", "该户在城里有商铺");
        assertThat(back.stage()).isEqualTo(IdentificationStage.APPLIED);
        assertThat(back.objections()).singleElement().satisfies(o -> {
            assertThat(o.text()).isEqualTo("该户在城里有商铺");
            assertThat(o.during()).isEqualTo("FIRST_NOTICE");
            assertThat(o.raisedOn()).isEqualTo(LocalDate.of(2016, 3, 4));
        });
        // Back in review: the township cannot review it now.
        assertThatThrownBy(() -> jz.identification().townshipReview(township, c.id(), true, "x"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("cannot");
        IdentificationCase again = jz.identification().villageReview(village, c.id(), new VillageVote(10, 5, 0),
                "核实后重新评议");
        assertThat(again.objections()).hasSize(1);
        assertThat(again.stage()).isEqualTo(IdentificationStage.VILLAGE_REVIEWED);
    }

    @Test
    void noticeMustRunSevenDaysAndReviewsNeedTheRightLevel() {
        IdentificationCase c = apply(10, 2, "2000.00");
        jz.identification().villageReview(village, c.id(), new VillageVote(12, 3, 0), null);
        jz.identification().openFirstNotice(village, c.id(), "公示");
        clock.advanceDays(6);
        assertThatThrownBy(() -> jz.identification().townshipReview(township, c.id(), true, "x"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("at least 7 days");
        clock.advanceDays(1);
        assertThatThrownBy(() -> jz.identification().townshipReview(village, c.id(), true, "x"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("needs a principal whose scope");
        assertThat(jz.identification().townshipReview(township, c.id(), true, "x").stage())
                .isEqualTo(IdentificationStage.TOWNSHIP_REVIEWED);
        assertThatThrownBy(() -> jz.identification().countyApprove(township, c.id(), "x"))
                .isInstanceOf(WorkflowException.class);
        Principal reader = Principal.viewer("viewer", COUNTY);
        assertThatThrownBy(() -> jz.identification().openSecondNotice(reader, c.id(), "x"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void rejectedVoteEndsTheCase() {
        IdentificationCase c = apply(10, 2, "2000.00");
        IdentificationCase r = jz.identification().villageReview(village, c.id(), new VillageVote(4, 9, 2), "多数反对");
        assertThat(r.stage()).isEqualTo(IdentificationStage.REJECTED);
        assertThatThrownBy(() -> jz.identification().openFirstNotice(village, c.id(), "x"))
                .isInstanceOf(WorkflowException.class);
    }

    @Test
    void crossCheckHitBlocksApprovalUntilClearedWithAReason() {
        jz.close();
        Household applicant = household(VILLAGE_A1, 40, 2);
        String idValue = applicant.members().get(1).citizenId().value();
        CsvCrossCheckSource vehicles = CsvCrossCheckSource.read("vehicles", new StringReader(
                "citizen_id,category,detail\n" + idValue + ",vehicle,\"皖R·12345, 小型轿车\"\n"));
        jz = PolicyFixtures.newJingzhun(clock, vehicles);
        IdentificationCase c = jz.identification().apply(village, 2016, applicant, income("x", 2016, 2, "1500"),
                "申请");
        assertThat(c.findings()).singleElement().satisfies(f -> {
            assertThat(f.hit().category()).isEqualTo("vehicle");
            assertThat(f.hit().detail()).isEqualTo("皖R·12345, 小型轿车");
        });
        throughSecondNotice(c.id());
        clock.advanceDays(7);
        assertThatThrownBy(() -> jz.identification().countyApprove(county, c.id(), "审批"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("uncleared cross-check");
        assertThatThrownBy(() -> jz.identification().clearFinding(county, c.id(),
                applicant.members().get(1).citizenId(), "vehicles", " "))
                .isInstanceOf(WorkflowException.class);
        jz.identification().clearFinding(county, c.id(), applicant.members().get(1).citizenId(), "vehicles",
                "车辆为农用三轮车，已于2015年报废");
        IdentificationCase done = jz.identification().countyApprove(county, c.id(), "审批");
        assertThat(done.stage()).isEqualTo(IdentificationStage.REGISTERED);
        assertThat(done.findings().get(0).cleared()).isTrue();
        assertThat(done.findings().get(0).clearedBy()).isEqualTo("county-clerk");
    }

    @Test
    void householdExitsAndReturnsAllInItsHistory() {
        IdentificationCase c = apply(10, 2, "2000.00");
        throughSecondNotice(c.id());
        clock.advanceDays(7);
        String hid = jz.identification().countyApprove(county, c.id(), "审批").householdId();

        advanceTo(clock, "2016-12-01");
        assertThatThrownBy(() -> jz.exits().start(village, hid, 2016, "评估"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("exit criteria");
        jz.registry().recordIncome(county, income(hid, 2016, 2, "3500").withVersion(
                jz.registry().income(county, hid, 2016).orElseThrow().version()), "年底核算");
        assertThat(jz.exits().assessYear(county, COUNTY, 2016)).singleElement()
                .satisfies(a -> assertThat(a.decision().positive()).isTrue());
        ExitCase e = jz.exits().start(village, hid, 2016, "达标");
        assertThat(jz.registry().get(county, hid).status()).isEqualTo(PovertyStatus.PRE_EXIT);
        jz.exits().villageReview(village, e.id(), true, "核实");
        assertThatThrownBy(() -> jz.exits().openNotice(village, e.id(), "公示"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining(e.id());
        jz.exits().confirm(village, e.id(), "户主", true, "户主签字认可");
        jz.exits().openNotice(village, e.id(), "公示");
        clock.advanceDays(2);
        jz.exits().object(village, e.id(), "村民", "收入不实");
        jz.exits().villageReview(village, e.id(), true, "重新核实收入属实");
        jz.exits().confirm(village, e.id(), "户主", true, "户主再次签字认可");
        jz.exits().openNotice(village, e.id(), "再次公示");
        clock.advanceDays(7);
        ExitCase exited = jz.exits().announce(township, e.id(), "镇公告");
        assertThat(exited.stage()).isEqualTo(ExitStage.EXITED);
        assertThat(exited.objections()).hasSize(1);
        assertThat(jz.registry().get(county, hid).status()).isEqualTo(PovertyStatus.EXITED);

        Household returned = jz.adjustments().returnToPoverty(county, hid, 2017, "因灾房屋倒塌");
        assertThat(returned.status()).isEqualTo(PovertyStatus.RETURNED);
        advanceTo(clock, "2017-01-10");
        Household born = jz.adjustments().addMember(village, hid, MemberChange.BIRTH,
                Member.of("新生儿", Fixtures.id("20170105", 77), Relationship.GRANDSON), "出生登记");
        assertThat(born.size()).isEqualTo(3);

        List<HistoryEntry> history = jz.registry().history(county, hid);
        assertThat(history).extracting(HistoryEntry::action).containsSubsequence("register", "identification",
                "status", "exit-village-pass", "exit-confirm", "exit-open-notice", "exit-object", "exit-announce",
                "status",
                "amend", "amend");
        // A status change logs only the status (and version): its history line holds exactly that one change.
        assertThat(history.stream().filter(h -> h.action().equals("status")).toList()).hasSize(2)
                .allSatisfy(h -> assertThat(h.changes()).singleElement()
                        .satisfies(ch -> assertThat(ch.path()).isEqualTo("status")))
                .satisfies(entries -> {
                    assertThat(entries.get(0).changes().get(0).before()).isEqualTo("NOT_EXITED");
                    assertThat(entries.get(1).changes().get(0).after()).isEqualTo("EXITED");
                });
        assertThat(history.get(history.size() - 2).changes()).anySatisfy(ch -> {
            assertThat(ch.path()).isEqualTo("status");
            assertThat(ch.after()).isEqualTo("RETURNED");
        });
        assertThat(history.get(history.size() - 1).reason()).contains("出生");
    }

    @Test
    void monitoringFlagsAndClearsAndBenefitStatementAddsUp() {
        advanceTo(clock, "2022-01-15");
        Household marginal = jz.registry().register(county, household(VILLAGE_A1, 50, 3).toBuilder()
                .status(PovertyStatus.NON_POOR).build(), "排查录入");
        jz.registry().recordIncome(county, income(marginal.id(), 2021, 3, "4000"), "调查");
        Household hardship = jz.registry().register(county, household(VILLAGE_A1, 60, 2).toBuilder()
                .status(PovertyStatus.NON_POOR).build(), "排查录入");
        jz.registry().recordIncome(county, income(hardship.id(), 2021, 2, "8000"), "调查");
        jz.policies().recordFacts(county, hardship.id(), 2021, SupplementaryFacts.none()
                .withRigidSpending(new BigDecimal("30000")), "住院费用");
        Household fine = jz.registry().register(county, household(VILLAGE_A1, 70, 2).toBuilder()
                .status(PovertyStatus.NON_POOR).build(), "排查录入");
        jz.registry().recordIncome(county, income(fine.id(), 2021, 2, "9000"), "调查");

        List<MonitoringRecord> flagged = jz.monitoring().flag(county, COUNTY, 2021, "年度排查");
        assertThat(flagged).extracting(MonitoringRecord::householdId, MonitoringRecord::category)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(marginal.id(), MonitoringCategory.MARGINAL),
                        org.assertj.core.groups.Tuple.tuple(hardship.id(), MonitoringCategory.SUDDEN_HARDSHIP));
        assertThat(jz.monitoring().flag(county, COUNTY, 2021, "again")).isEmpty();
        String recordId = marginal.id() + ".2021";
        assertThatThrownBy(() -> jz.monitoring().clearRisk(county, recordId, 2021, "帮扶后"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("not cleared");
        jz.registry().recordIncome(county, income(marginal.id(), 2022, 3, "5000"), "调查");
        assertThat(jz.monitoring().clearRisk(county, recordId, 2022, "就业帮扶后收入稳定").clearance().positive())
                .isTrue();
        assertThat(jz.registry().history(county, marginal.id())).extracting(HistoryEntry::action)
                .contains("monitoring-flag", "monitoring-clear");

        BenefitStatement s = jz.benefits().statement(county, marginal.id(), 2021,
                org.jingzhun.core.disclosure.MaskingProfile.SCREEN);
        assertThat(s.totalDue()).isEqualByComparingTo("300.00");
        assertThat(s.enjoyed()).singleElement().satisfies(l -> assertThat(l.amount().explanation().partsTotal())
                .isEqualByComparingTo(l.value()));
        assertThat(s.toText()).contains("明白卡", "应享受合计: 300.00", "test-national", "341702******");
    }

    @Test
    void villageAtOnePointNineMayExitButNotAtTwoPointOne() {
        // VILLAGE_A1 and VILLAGE_A2 have 1,000 rural residents each: 19 poor people = 1.9%, 21 = 2.1%.
        registerPoor(VILLAGE_A1, 100, 19);
        registerPoor(Fixtures.VILLAGE_A2, 300, 21);
        assertThat(jz.policies().areaExit(county, VILLAGE_A1, 2016, null).positive()).isTrue();
        var d = jz.policies().areaExit(county, Fixtures.VILLAGE_A2, 2016, null);
        assertThat(d.positive()).isFalse();
        assertThat(d.explanation().inputs()).containsEntry("incidence", "2.10");
    }

    private void registerPoor(RegionCode village, int seq, int people) {
        int left = people;
        int i = 0;
        while (left > 0) {
            int size = Math.min(3, left);
            jz.registry().register(county, household(village, seq + i * 10, size), "baseline");
            left -= size;
            i++;
        }
    }

    private static MutableClock advanceTo(MutableClock c, String date) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(c), LocalDate.parse(date));
        c.advanceDays(days);
        return c;
    }
}

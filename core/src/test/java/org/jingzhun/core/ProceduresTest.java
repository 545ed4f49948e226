package org.jingzhun.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jingzhun.core.Fixtures.COUNTY;
import static org.jingzhun.core.Fixtures.COUNTY_OFFICER;
import static org.jingzhun.core.Fixtures.TOWN_A;
import static org.jingzhun.core.Fixtures.VILLAGE_A1;
import static org.jingzhun.core.Fixtures.VILLAGE_A2;
import static org.jingzhun.core.Fixtures.household;
import static org.jingzhun.core.PolicyFixtures.income;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.jingzhun.core.areaexit.AreaExitCase;
import org.jingzhun.core.areaexit.AreaExitStage;
import org.jingzhun.core.crosscheck.CrossCheckReview;
import org.jingzhun.core.crosscheck.CsvCrossCheckSource;
import org.jingzhun.core.crosscheck.ReviewStage;
import org.jingzhun.core.identification.ExitCase;
import org.jingzhun.core.identification.ExitStage;
import org.jingzhun.core.identification.IdentificationCase;
import org.jingzhun.core.monitoring.LeadKind;
import org.jingzhun.core.monitoring.MonitoringCase;
import org.jingzhun.core.monitoring.MonitoringRecord;
import org.jingzhun.core.monitoring.MonitoringStage;
import org.jingzhun.core.monitoring.MonitoringStatistics;
import org.jingzhun.core.monitoring.MonitoringStatus;
import org.jingzhun.core.monitoring.NoticeEntry;
import org.jingzhun.core.policy.TestPack;
import org.jingzhun.core.procedure.OverdueCase;
import org.jingzhun.core.registry.HistoryEntry;
import org.jingzhun.core.statistics.YearFigures;
import org.jingzhun.spi.Plugin;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.AccessDeniedException;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.monitoring.LeadSector;
import org.jingzhun.spi.monitoring.MonitoringLead;
import org.jingzhun.spi.monitoring.MonitoringLeadSource;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.policy.EffectivePeriod;
import org.jingzhun.spi.policy.ExclusionFactor;
import org.jingzhun.spi.policy.MonitoringCategory;
import org.jingzhun.spi.policy.PolicyPack;
import org.jingzhun.spi.policy.ProcedureTerms;
import org.jingzhun.spi.policy.RegionScope;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.policy.VillageIndicators;
import org.jingzhun.storage.memory.MemoryStoragePlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The procedures on the shared case engine beyond entry: monitoring, household exit's confirmation and pre-exit
 * mark, village and county exit, cross-check reviews, overdue lists and the yearly figures.
 */
class ProceduresTest {
    private final MutableClock clock = new MutableClock("2021-03-01");
    private final Principal village = new Principal("village-clerk", "村文书", VILLAGE_A1,
            EnumSet.of(Permission.READ, Permission.WRITE, Permission.APPROVE));
    private final Principal township = Principal.officer("town-reviewer", TOWN_A);
    private final Principal county = COUNTY_OFFICER;
    /** A county clerk without VIEW_PERSONAL_DATA: sees IDs masked. */
    private final Principal maskedClerk = new Principal("masked-clerk", "县办事员", COUNTY,
            EnumSet.of(Permission.READ, Permission.WRITE, Permission.APPROVE));
    private Jingzhun jz = PolicyFixtures.newJingzhun(clock);

    @AfterEach
    void close() {
        jz.close();
    }

    private Household nonPoor(int seq, int size, int year, String perCapita) {
        Household h = jz.registry().register(county, household(VILLAGE_A1, seq, size).toBuilder()
                .status(PovertyStatus.NON_POOR).build(), "排查录入");
        jz.registry().recordIncome(county, income(h.id(), year, size, perCapita), "收入调查");
        return h;
    }

    /** Lead → verified → notice (5 days) → township → county: a monitored household. */
    private MonitoringCase monitored(Household h) {
        MonitoringCase c = jz.monitoring().report(village, h.id(), 2021, LeadKind.SELF_REPORT, "户主",
                "家中主要劳动力务工中断");
        jz.monitoring().verify(village, c.id(), MonitoringCategory.MARGINAL, true, "入户核实");
        jz.monitoring().openNotice(village, c.id(), "村内公示");
        clock.advanceDays(5);
        jz.monitoring().townshipCheck(township, c.id(), true, "镇审核");
        return jz.monitoring().countyDecide(county, c.id(), true, "县级确定");
    }

    @Test
    void monitoringLeadBecomesAMonitoredHouseholdAndItsRiskIsClearedOnlyWhenStableAndAboveTheLine() {
        Household h = nonPoor(10, 3, 2021, "4000");
        MonitoringCase lead = jz.monitoring().report(village, h.id(), 2021, LeadKind.SELF_REPORT, "户主",
                "家中主要劳动力务工中断");
        assertThat(lead.stage()).isEqualTo(MonitoringStage.LEAD);
        assertThatThrownBy(() -> jz.monitoring().report(village, h.id(), 2021, LeadKind.CADRE_VISIT, "帮扶干部",
                "again")).isInstanceOf(WorkflowException.class).hasMessageContaining(h.id());

        MonitoringCase verified = jz.monitoring().verify(village, lead.id(), MonitoringCategory.MARGINAL, true,
                "入户核实");
        assertThat(verified.ruleView().category()).isEqualTo(MonitoringCategory.MARGINAL);
        jz.monitoring().openNotice(village, lead.id(), "村内公示");
        clock.advanceDays(4);
        assertThatThrownBy(() -> jz.monitoring().townshipCheck(township, lead.id(), true, "镇审核"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("5");
        clock.advanceDays(1);
        jz.monitoring().townshipCheck(township, lead.id(), true, "镇审核");
        MonitoringCase decided = jz.monitoring().countyDecide(county, lead.id(), true, "县级确定");
        assertThat(decided.stage()).isEqualTo(MonitoringStage.MONITORED);
        assertThat(decided.decidedOn()).isEqualTo(LocalDate.of(2021, 3, 6));

        assertThat(jz.monitoring().list(county, COUNTY, MonitoringCategory.MARGINAL))
                .extracting(MonitoringRecord::householdId).containsExactly(h.id());
        assertThat(jz.monitoring().list(county, COUNTY, MonitoringCategory.SUDDEN_HARDSHIP)).isEmpty();
        MonitoringStatistics stats = jz.monitoring().statistics(county, COUNTY);
        assertThat(stats.monitored()).containsEntry(MonitoringCategory.MARGINAL, 1L);
        assertThat(stats.monitoredTotal()).isEqualTo(1);
        assertThat(stats.casesByLead()).containsEntry(LeadKind.SELF_REPORT, 1L);

        assertThatThrownBy(() -> jz.monitoring().clear(county, lead.id(), 2021, "收入稳定"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("assistance");
        MonitoringCase assisted = jz.monitoring().assist(village, lead.id(), List.of("公益性岗位", "技能培训"), "C-7",
                "王干部", "一户一策");
        assertThat(assisted.plan().cadreId()).isEqualTo("C-7");
        assertThatThrownBy(() -> jz.monitoring().clear(county, lead.id(), 2021, "收入稳定"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("6");
        clock.advanceDays(200);
        assertThatThrownBy(() -> jz.monitoring().clear(county, lead.id(), 2021, "收入稳定"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("not cleared");
        jz.registry().recordIncome(county, income(h.id(), 2021, 3, "5000").withVersion(
                jz.registry().income(county, h.id(), 2021).orElseThrow().version()), "帮扶后收入核实");
        MonitoringCase cleared = jz.monitoring().clear(county, lead.id(), 2021, "务工收入稳定");
        assertThat(cleared.stage()).isEqualTo(MonitoringStage.RISK_CLEARED);
        assertThat(cleared.clearance().positive()).isTrue();
        assertThat(jz.monitoring().list(county, COUNTY)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(MonitoringStatus.RISK_CLEARED));
        assertThat(jz.monitoring().statistics(county, COUNTY).cleared()).containsEntry(MonitoringCategory.MARGINAL,
                1L);

        assertThat(jz.registry().history(county, h.id())).extracting(HistoryEntry::action).containsSubsequence(
                "monitoring-lead", "monitoring-verify", "monitoring-open-notice", "monitoring-township-pass",
                "monitoring-flag", "monitoring-assist", "monitoring-clear");
        assertThat(jz.monitoring().cases(county, COUNTY, 2021)).singleElement()
                .satisfies(c -> assertThat(c.steps()).hasSize(7));
    }

    @Test
    void monitoringNoticeShowsOnlyNameVillageCategoryAndReason() {
        Household h = nonPoor(10, 3, 2021, "4000");
        CitizenId head = h.members().get(0).citizenId();
        MonitoringCase c = jz.monitoring().report(village, h.id(), 2021, LeadKind.CADRE_VISIT, "帮扶干部",
                "户主 " + head.value() + " 住院，自付 3 万元");
        assertThat(jz.monitoring().getCase(maskedClerk, c.id()).lead()).doesNotContain(head.value());
        assertThat(jz.monitoring().getCase(county, c.id()).lead()).contains(head.value());
        jz.monitoring().verify(village, c.id(), MonitoringCategory.SUDDEN_HARDSHIP, true, "核实");
        jz.monitoring().openNotice(village, c.id(), "公示");

        List<NoticeEntry> notice = jz.monitoring().notice(county, COUNTY);
        assertThat(notice).singleElement().satisfies(e -> {
            assertThat(e.headName()).isEqualTo(h.members().get(0).name());
            assertThat(e.village()).isEqualTo("刘街村");
            assertThat(e.category()).isEqualTo(MonitoringCategory.SUDDEN_HARDSHIP);
            assertThat(e.reason()).contains("住院").doesNotContain(head.value())
                    .doesNotContain(head.value().substring(14));
        });
    }

    @Test
    void monitoringObjectionSendsTheCaseBackAndEachLevelMayDismiss() {
        Household a = nonPoor(10, 2, 2021, "4000");
        Household b = nonPoor(20, 2, 2021, "4000");
        Household d = nonPoor(30, 2, 2021, "4000");
        MonitoringCase ca = jz.monitoring().report(village, a.id(), 2021, LeadKind.SELF_REPORT, "户主", "因病");
        jz.monitoring().verify(village, ca.id(), MonitoringCategory.MARGINAL, true, "核实");
        jz.monitoring().openNotice(village, ca.id(), "公示");
        MonitoringCase back = jz.monitoring().object(village, ca.id(), "村民李某", "该户子女在城里有房");
        assertThat(back.stage()).isEqualTo(MonitoringStage.LEAD);
        assertThat(back.objections()).singleElement().satisfies(o -> assertThat(o.during()).isEqualTo("NOTICE"));
        assertThatThrownBy(() -> jz.monitoring().verify(village, ca.id(), null, false, " "))
                .isInstanceOf(WorkflowException.class);
        assertThat(jz.monitoring().verify(village, ca.id(), null, false, "子女赡养能力强").stage())
                .isEqualTo(MonitoringStage.DISMISSED);
        // A dismissed lead is closed: the household may be reported again.
        assertThat(jz.monitoring().report(village, a.id(), 2021, LeadKind.CADRE_VISIT, "干部", "再次排查").stage())
                .isEqualTo(MonitoringStage.LEAD);

        MonitoringCase cb = jz.monitoring().report(village, b.id(), 2021, LeadKind.SELF_REPORT, "户主", "因灾");
        jz.monitoring().verify(village, cb.id(), MonitoringCategory.SUDDEN_HARDSHIP, true, "核实");
        jz.monitoring().openNotice(village, cb.id(), "公示");
        clock.advanceDays(5);
        assertThat(jz.monitoring().townshipCheck(township, cb.id(), false, "损失已由保险赔付").stage())
                .isEqualTo(MonitoringStage.DISMISSED);

        MonitoringCase cd = jz.monitoring().report(village, d.id(), 2021, LeadKind.SELF_REPORT, "户主", "因学");
        jz.monitoring().verify(village, cd.id(), MonitoringCategory.MARGINAL, true, "核实");
        jz.monitoring().openNotice(village, cd.id(), "公示");
        clock.advanceDays(5);
        jz.monitoring().townshipCheck(township, cd.id(), true, "镇审核");
        assertThat(jz.monitoring().countyDecide(county, cd.id(), false, "收入高于监测线").stage())
                .isEqualTo(MonitoringStage.DISMISSED);
        assertThat(jz.monitoring().list(county, COUNTY)).isEmpty();
    }

    @Test
    void monitoringStepsNeedTheirLevel() {
        Household h = nonPoor(10, 2, 2021, "4000");
        MonitoringCase c = jz.monitoring().report(village, h.id(), 2021, LeadKind.SELF_REPORT, "户主", "因病");
        jz.monitoring().verify(village, c.id(), MonitoringCategory.MARGINAL, true, "核实");
        jz.monitoring().openNotice(village, c.id(), "公示");
        clock.advanceDays(5);
        assertThatThrownBy(() -> jz.monitoring().townshipCheck(village, c.id(), true, "越级"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("village-clerk");
        jz.monitoring().townshipCheck(township, c.id(), true, "镇审核");
        assertThatThrownBy(() -> jz.monitoring().countyDecide(township, c.id(), true, "越级"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("town-reviewer");
        Principal otherTown = Principal.officer("other-town", Fixtures.TOWN_B);
        assertThatThrownBy(() -> jz.monitoring().getCase(otherTown, c.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jz.monitoring().getCase(county, c.id()).stage()).isEqualTo(MonitoringStage.TOWNSHIP_CHECKED);
    }

    @Test
    void undecidedMonitoringCasesAreOverdueAfterTheDecisionDeadline() {
        Household a = nonPoor(10, 2, 2021, "4000");
        Household b = nonPoor(20, 2, 2021, "4000");
        MonitoringCase slow = jz.monitoring().report(village, a.id(), 2021, LeadKind.SELF_REPORT, "户主", "因病");
        monitored(b);
        assertThat(jz.monitoring().overdue(county, COUNTY, LocalDate.of(2021, 3, 16))).isEmpty();
        List<OverdueCase> late = jz.monitoring().overdue(county, COUNTY, LocalDate.of(2021, 3, 20));
        assertThat(late).singleElement().satisfies(o -> {
            assertThat(o.caseId()).isEqualTo(slow.id());
            assertThat(o.dueOn()).isEqualTo(LocalDate.of(2021, 3, 16));
            assertThat(o.daysOverdue()).isEqualTo(4);
            assertThat(o.stage()).isEqualTo("LEAD");
        });
    }

    /** A county pack that sets shorter notices: the most specific pack's terms win over the defaults. */
    private record TermsPack(ProcedureTerms terms) implements PolicyPack {
        @Override
        public String name() {
            return "county-terms";
        }

        @Override
        public RegionScope regionScope() {
            return RegionScope.of(COUNTY);
        }

        @Override
        public EffectivePeriod effectivePeriod() {
            return EffectivePeriod.from(LocalDate.of(2014, 1, 1));
        }

        @Override
        public Optional<ProcedureTerms> procedureTerms() {
            return Optional.of(terms);
        }
    }

    @Test
    void noticePeriodsAndDeadlinesComeFromThePolicyPack() {
        jz.close();
        jz = Jingzhun.builder().plugin(new MemoryStoragePlugin()).storage("memory").clock(clock)
                .policyPack(TestPack.national()).policyPack(new TermsPack(new ProcedureTerms(7, 7, 3, 7, 60, 45, 10,
                        180, 6))).build();
        jz.regions().define(county, List.of(new org.jingzhun.spi.region.Region(COUNTY, "贵池区", 537_000, false),
                new org.jingzhun.spi.region.Region(TOWN_A, "梅街镇", 30_000, false),
                new org.jingzhun.spi.region.Region(VILLAGE_A1, "刘街村", 1_000, true)), "regions");
        Household h = nonPoor(10, 2, 2021, "4000");
        MonitoringCase c = jz.monitoring().report(village, h.id(), 2021, LeadKind.SELF_REPORT, "户主", "因病");
        jz.monitoring().verify(village, c.id(), MonitoringCategory.MARGINAL, true, "核实");
        jz.monitoring().openNotice(village, c.id(), "公示");
        clock.advanceDays(3);
        assertThat(jz.monitoring().townshipCheck(township, c.id(), true, "三天公示期满").stage())
                .isEqualTo(MonitoringStage.TOWNSHIP_CHECKED);
        assertThat(jz.monitoring().overdue(county, COUNTY, LocalDate.of(2021, 3, 12))).singleElement()
                .satisfies(o -> assertThat(o.dueOn()).isEqualTo(LocalDate.of(2021, 3, 11)));
        assertThat(jz.policies().engine().terms(VILLAGE_A1, LocalDate.of(2021, 1, 1)).monitoringNoticeDays())
                .isEqualTo(3);
        assertThat(jz.policies().engine().terms(RegionCode.of("340802"), LocalDate.of(2021, 1, 1)))
                .isEqualTo(ProcedureTerms.defaults());
        assertThatThrownBy(() -> Jingzhun.builder().plugin(new MemoryStoragePlugin()).storage("memory")
                .policyPack(TestPack.national()).policyPack(new TermsPack(new ProcedureTerms(0, 7, 5, 7, 60, 45, 15,
                        180, 6))).build()).hasMessageContaining("county-terms");
    }

    /** A sector's pushes, registered through a plugin like cross-check sources. */
    private static final class MedicalBills implements MonitoringLeadSource {
        private final CitizenId patient;

        MedicalBills(CitizenId patient) {
            this.patient = patient;
        }

        @Override
        public String name() {
            return "medical-bills";
        }

        @Override
        public LeadSector sector() {
            return LeadSector.MEDICAL;
        }

        @Override
        public List<MonitoringLead> leads(Collection<CitizenId> ids, int year) {
            return ids.contains(patient) && year == 2021 ? List.of(new MonitoringLead(name(), sector(), patient,
                    "住院自付 38,000 元")) : List.of();
        }
    }

    @Test
    void sectorSourcesRegisteredByPluginsOpenLeadsOncePerHousehold() {
        jz.close();
        CitizenId patient = household(VILLAGE_A1, 10, 3).members().get(1).citizenId();
        jz = Jingzhun.builder().plugin(new MemoryStoragePlugin()).storage("memory").clock(clock)
                .policyPack(TestPack.national()).plugin(new Plugin() {
                    @Override
                    public String name() {
                        return "sector-data";
                    }

                    @Override
                    public int spiVersion() {
                        return Plugin.SPI_VERSION;
                    }

                    @Override
                    public List<MonitoringLeadSource> monitoringLeadSources() {
                        return List.of(new MedicalBills(patient));
                    }
                }).build();
        jz.regions().define(county, List.of(new org.jingzhun.spi.region.Region(COUNTY, "贵池区", 537_000, false),
                new org.jingzhun.spi.region.Region(TOWN_A, "梅街镇", 30_000, false),
                new org.jingzhun.spi.region.Region(VILLAGE_A1, "刘街村", 1_000, true)), "regions");
        Household h = nonPoor(10, 3, 2021, "6000");
        nonPoor(20, 2, 2021, "6000");

        List<MonitoringCase> opened = jz.monitoring().collectLeads(county, COUNTY, 2021);
        assertThat(opened).singleElement().satisfies(m -> {
            assertThat(m.householdId()).isEqualTo(h.id());
            assertThat(m.kind()).isEqualTo(LeadKind.SECTOR);
            assertThat(m.source()).isEqualTo("medical-bills");
            assertThat(m.lead()).contains("医保", "38,000");
        });
        assertThat(jz.monitoring().collectLeads(county, COUNTY, 2021)).isEmpty();
        assertThatThrownBy(() -> jz.monitoring().report(village, h.id(), 2021, LeadKind.SECTOR, "医保局", "手工"))
                .isInstanceOf(WorkflowException.class);
    }

    private ExitCase exitCase(int seq) {
        Household h = jz.registry().register(county, household(VILLAGE_A1, seq, 2), "建档立卡");
        jz.registry().recordIncome(county, income(h.id(), 2021, 2, "3500"), "年底核算");
        return jz.exits().start(village, h.id(), 2021, "达标评估");
    }

    @Test
    void aHouseholdThatDoesNotConfirmItsExitGoesBackToAssessment() {
        ExitCase e = exitCase(10);
        jz.exits().villageReview(village, e.id(), true, "核实");
        assertThatThrownBy(() -> jz.exits().confirm(village, e.id(), "户主", false, " "))
                .isInstanceOf(WorkflowException.class);
        ExitCase declined = jz.exits().confirm(village, e.id(), "户主", false, "收入不稳定，不同意退出");
        assertThat(declined.stage()).isEqualTo(ExitStage.ASSESSED);
        assertThat(declined.objections()).singleElement().satisfies(o -> assertThat(o.raisedBy()).isEqualTo("户主"));
        assertThat(declined.confirmedBy()).isNull();
        jz.exits().villageReview(village, e.id(), true, "帮扶后再次核实");
        assertThat(jz.exits().confirm(village, e.id(), "户主", true, "签字").confirmedBy()).isEqualTo("户主");
        assertThat(jz.exits().cancel(county, e.id(), "年底收入核实有误").stage()).isEqualTo(ExitStage.CANCELLED);
        assertThat(jz.registry().get(county, e.householdId()).status()).isEqualTo(PovertyStatus.NOT_EXITED);
    }

    @Test
    void householdsAreMarkedPreExitInTheYearBeforeTheirExit() {
        Household h = jz.registry().register(county, household(VILLAGE_A1, 10, 2), "建档立卡");
        assertThatThrownBy(() -> jz.exits().markPreExit(village, List.of(h.id()), 2021, "计划"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("2021");
        assertThat(jz.exits().markPreExit(village, List.of(h.id()), 2022, "2022年计划脱贫")).singleElement()
                .satisfies(m -> {
                    assertThat(m.status()).isEqualTo(PovertyStatus.PRE_EXIT);
                    // The village clerk has no VIEW_PERSONAL_DATA: the card comes back masked.
                    assertThat(m.members().get(0).citizenId()).isNotEqualTo(h.members().get(0).citizenId());
                });
        assertThatThrownBy(() -> jz.exits().markPreExit(village, List.of(h.id()), 2022, "again"))
                .isInstanceOf(WorkflowException.class);

        clock.advanceDays(400);
        jz.registry().recordIncome(county, income(h.id(), 2022, 2, "3500"), "年底核算");
        assertThat(jz.exits().assessYear(county, COUNTY, 2022)).singleElement()
                .satisfies(a -> assertThat(a.decision().positive()).isTrue());
        ExitCase e = jz.exits().start(village, h.id(), 2022, "达标评估");
        assertThat(e.previousStatus()).isEqualTo(PovertyStatus.NOT_EXITED);
        assertThat(jz.registry().history(county, h.id())).extracting(HistoryEntry::reason)
                .anySatisfy(r -> assertThat(r).contains("预脱贫"));
        jz.exits().cancel(county, e.id(), "计划调整");
        assertThat(jz.registry().get(county, h.id()).status()).isEqualTo(PovertyStatus.NOT_EXITED);
    }

    @Test
    void exitCasesNotDelistedInTimeAreOverdue() {
        ExitCase e = exitCase(10);
        assertThat(jz.exits().overdue(county, COUNTY, LocalDate.of(2021, 4, 15))).isEmpty();
        assertThat(jz.exits().overdue(county, COUNTY, LocalDate.of(2021, 4, 20))).singleElement()
                .satisfies(o -> {
                    assertThat(o.caseId()).isEqualTo(e.id());
                    assertThat(o.procedure()).isEqualTo("exit-case");
                });
        IdentificationCase c = jz.identification().apply(village, 2021, household(VILLAGE_A1, 50, 2),
                income("x", 2021, 2, "2000"), "申请");
        assertThat(jz.identification().overdue(county, COUNTY, LocalDate.of(2021, 4, 30))).isEmpty();
        assertThat(jz.identification().overdue(county, COUNTY, LocalDate.of(2021, 5, 2)))
                .extracting(OverdueCase::caseId).containsExactly(c.id());
    }

    private void poorPeople(RegionCode v, int seq, int people) {
        for (int i = 0; i < people; i += 2) {
            jz.registry().register(county, household(v, seq + i, Math.min(2, people - i)), "建档立卡");
        }
    }

    @Test
    void aPoorVillageLeavesThroughTownshipCheckNoticeAndCountyApproval() {
        poorPeople(VILLAGE_A1, 100, 19);
        VillageIndicators ok = new VillageIndicators(new java.math.BigDecimal("60000"), true, true, true, true);
        assertThatThrownBy(() -> jz.areaExits().apply(village, VILLAGE_A2, 2021, ok, "申请"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> jz.areaExits().apply(county, VILLAGE_A2, 2021, ok, "申请"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("源溪村");
        AreaExitCase c = jz.areaExits().apply(village, VILLAGE_A1, 2021, ok, "村申请出列");
        assertThat(c.facts().poorPeople()).isEqualTo(19);
        assertThat(c.decision().positive()).isTrue();
        assertThatThrownBy(() -> jz.areaExits().apply(village, VILLAGE_A1, 2021, ok, "again"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining(c.id());
        assertThatThrownBy(() -> jz.areaExits().townshipCheck(village, c.id(), true, "越级"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("village-clerk");
        assertThatThrownBy(() -> jz.areaExits().prefectureCheck(Principal.officer("pref",
                RegionCode.of("341700000000")), c.id(), true, "错路径")).isInstanceOf(WorkflowException.class);
        jz.areaExits().townshipCheck(township, c.id(), true, "镇初审");
        jz.areaExits().openNotice(village, c.id(), "公示");
        assertThat(jz.areaExits().object(village, c.id(), "村民", "道路未硬化").stage())
                .isEqualTo(AreaExitStage.APPLIED);
        jz.areaExits().townshipCheck(township, c.id(), true, "复核道路已硬化");
        jz.areaExits().openNotice(village, c.id(), "再次公示");
        clock.advanceDays(6);
        assertThatThrownBy(() -> jz.areaExits().countyApprove(county, c.id(), "批准"))
                .isInstanceOf(WorkflowException.class);
        clock.advanceDays(1);
        AreaExitCase done = jz.areaExits().countyApprove(county, c.id(), "县政府批复出列");
        assertThat(done.stage()).isEqualTo(AreaExitStage.EXITED);
        assertThat(done.objections()).hasSize(1);
        assertThat(jz.regions().find(county, VILLAGE_A1).orElseThrow().poor()).isFalse();
        assertThatThrownBy(() -> jz.areaExits().apply(county, VILLAGE_A1, 2022, ok, "again"))
                .isInstanceOf(WorkflowException.class);
        assertThat(jz.areaExits().list(county, COUNTY, 2021)).extracting(AreaExitCase::id).containsExactly(c.id());
    }

    @Test
    void aVillageAboveTheIncidenceThresholdCannotApply() {
        poorPeople(VILLAGE_A1, 100, 21);
        assertThatThrownBy(() -> jz.areaExits().apply(village, VILLAGE_A1, 2021, null, "申请"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("incidence too high");
        assertThatThrownBy(() -> jz.areaExits().apply(county, TOWN_A, 2021, null, "申请"))
                .isInstanceOf(WorkflowException.class);
    }

    @Test
    void aCountyLeavesAfterPrefectureProvinceAndTheStateSpotCheck() {
        Principal prefecture = Principal.officer("prefecture", RegionCode.of("341700000000"));
        Principal province = Principal.officer("province", RegionCode.of("340000000000"));
        assertThatThrownBy(() -> jz.areaExits().apply(village, COUNTY, 2021, null, "申请"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("village-clerk");
        AreaExitCase c = jz.areaExits().apply(county, COUNTY, 2021, null, "县申请摘帽");
        assertThatThrownBy(() -> jz.areaExits().prefectureCheck(county, c.id(), true, "越级"))
                .isInstanceOf(WorkflowException.class);
        assertThatThrownBy(() -> jz.areaExits().townshipCheck(prefecture, c.id(), true, "错路径"))
                .isInstanceOf(WorkflowException.class);
        jz.areaExits().prefectureCheck(prefecture, c.id(), true, "市级初审");
        assertThatThrownBy(() -> jz.areaExits().provinceVerify(prefecture, c.id(), true, "越级"))
                .isInstanceOf(WorkflowException.class);
        jz.areaExits().provinceVerify(province, c.id(), true, "省级核查");
        AreaExitCase failed = jz.areaExits().stateSpotCheck(province, c.id(), true, false, "抽查发现漏评");
        assertThat(failed.stage()).isEqualTo(AreaExitStage.REJECTED);
        assertThat(failed.spotChecked()).isTrue();

        AreaExitCase again = jz.areaExits().apply(county, COUNTY, 2022, null, "整改后再次申请");
        jz.areaExits().prefectureCheck(prefecture, again.id(), true, "市级初审");
        jz.areaExits().provinceVerify(province, again.id(), true, "省级核查");
        AreaExitCase done = jz.areaExits().stateSpotCheck(province, again.id(), false, false, "未抽中");
        assertThat(done.stage()).isEqualTo(AreaExitStage.EXITED);
        assertThat(done.spotChecked()).isFalse();
        assertThat(jz.areaExits().get(county, done.id()).steps()).extracting(s -> s.actorId())
                .containsExactly("county-clerk", "prefecture", "province", "province");
        assertThat(jz.areaExits().overdue(county, COUNTY, LocalDate.of(2030, 1, 1))).isEmpty();
    }

    @Test
    void theYearlyScanOpensOneReviewPerHouseholdMapsCategoriesAndActsOnTheResolution() {
        CitizenId son = household(VILLAGE_A1, 10, 3).members().get(1).citizenId();
        CitizenId otherHead = household(VILLAGE_A1, 20, 2).members().get(0).citizenId();
        jz.close();
        jz = PolicyFixtures.newJingzhun(clock, CsvCrossCheckSource.read("vehicles", new StringReader(
                "citizen_id,category,detail\n" + son.value() + ",vehicle,皖R·12345 小型轿车\n" + otherHead.value()
                        + ",fishing-boat,渔船\n")));
        Household h2 = jz.registry().register(county, household(VILLAGE_A1, 10, 3), "建档立卡");
        Household other2 = jz.registry().register(county, household(VILLAGE_A1, 20, 2), "建档立卡");

        List<CrossCheckReview> opened = jz.crossChecks().scan(maskedClerk, COUNTY, 2021);
        assertThat(opened).hasSize(2);
        CrossCheckReview vehicle = opened.stream().filter(r -> r.householdId().equals(h2.id())).findFirst()
                .orElseThrow();
        assertThat(vehicle.factors()).containsExactly(ExclusionFactor.VEHICLE);
        assertThat(vehicle.findings()).singleElement()
                .satisfies(f -> assertThat(f.hit().citizenId().value()).isNotEqualTo(son.value()));
        assertThat(opened.stream().filter(r -> r.householdId().equals(other2.id())).findFirst().orElseThrow()
                .factors()).containsExactly(ExclusionFactor.OTHER);
        assertThat(jz.crossChecks().scan(county, COUNTY, 2021)).isEmpty();

        CrossCheckReview confirmed = jz.crossChecks().resolve(county, vehicle.id(), true, "核实为家用轿车");
        assertThat(confirmed.stage()).isEqualTo(ReviewStage.CONFIRMED);
        assertThat(jz.policies().facts(county, h2.id(), 2021).extra().exclusions())
                .contains(ExclusionFactor.VEHICLE);
        assertThatThrownBy(() -> jz.crossChecks().resolve(county, vehicle.id(), false, "again"))
                .isInstanceOf(WorkflowException.class);
        String boatReview = opened.stream().filter(r -> r.householdId().equals(other2.id())).findFirst()
                .orElseThrow().id();
        CrossCheckReview cleared = jz.crossChecks().resolve(county, boatReview, false, "渔船为集体所有");
        assertThat(cleared.findings()).allSatisfy(f -> assertThat(f.cleared()).isTrue());
        assertThat(jz.crossChecks().reviews(county, COUNTY, 2021)).extracting(CrossCheckReview::stage)
                .containsExactlyInAnyOrder(ReviewStage.CONFIRMED, ReviewStage.CLEARED);
        assertThat(jz.registry().history(county, h2.id())).extracting(HistoryEntry::action)
                .contains("crosscheck-hit", "crosscheck-confirm");
        assertThat(CrossCheckService_factorOf("public-employee")).isEqualTo(ExclusionFactor.PUBLIC_EMPLOYEE);
        assertThat(CrossCheckService_factorOf("commercial-housing")).isEqualTo(ExclusionFactor.COMMERCIAL_HOUSING);
        assertThat(CrossCheckService_factorOf("business")).isEqualTo(ExclusionFactor.BUSINESS);
    }

    private static ExclusionFactor CrossCheckService_factorOf(String category) {
        return org.jingzhun.core.crosscheck.CrossCheckService.factorOf(category);
    }

    @Test
    void closingAYearFreezesWhatTheYearsProceduresDid() {
        jz.close();
        MutableClock clock = new MutableClock("2016-03-01");
        jz = PolicyFixtures.newJingzhun(clock);
        jz.registry().register(county, household(VILLAGE_A1, 10, 3), "建档立卡");
        Household leaves = jz.registry().register(county, household(VILLAGE_A1, 20, 2), "建档立卡");
        Household back = jz.registry().register(county, household(VILLAGE_A1, 30, 4), "建档立卡");
        for (Household h : List.of(leaves, back)) {
            jz.registry().recordIncome(county, income(h.id(), 2016, h.size(), "3500"), "核算");
            ExitCase e = jz.exits().start(county, h.id(), 2016, "评估");
            jz.exits().villageReview(county, e.id(), true, "核实");
            jz.exits().confirm(county, e.id(), "户主", true, "认可");
            jz.exits().openNotice(county, e.id(), "公示");
            clock.advanceDays(7);
            jz.exits().announce(county, e.id(), "公告");
        }
        YearFigures y2016 = jz.statistics().closeYear(county, COUNTY, 2016);
        assertThat(y2016.exitedHouseholds()).isEqualTo(2);
        assertThat(y2016.exitedPeople()).isEqualTo(6);
        assertThat(y2016.poorHouseholds()).isEqualTo(1);
        assertThat(y2016.poorVillages()).isEqualTo(2);

        clock.advanceDays(365);
        jz.adjustments().returnToPoverty(county, back.id(), 2017, "因病返贫");
        jz.registry().register(county, household(VILLAGE_A1, 40, 2).toBuilder().status(PovertyStatus.NON_POOR)
                .build(), "排查");
        YearFigures y2017 = jz.statistics().closeYear(county, COUNTY, 2017);
        assertThat(y2017.returnedHouseholds()).isEqualTo(1);
        assertThat(y2017.returnedPeople()).isEqualTo(4);
        assertThat(y2017.exitedHouseholds()).isZero();
        assertThat(y2017.poorHouseholds()).isEqualTo(2);
        assertThat(y2017.registeredHouseholds()).isEqualTo(4);
        assertThat(jz.statistics().closeYear(county, COUNTY, 2017).returnedHouseholds()).isEqualTo(1);

        assertThat(jz.statistics().series(county, COUNTY)).extracting(YearFigures::year).containsExactly(2016, 2017);
        assertThat(jz.statistics().series(Principal.officer("v", VILLAGE_A1), COUNTY)).isEmpty();
    }
}

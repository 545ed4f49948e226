package org.jingzhun.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingzhun.core.Fixtures.COUNTY_OFFICER;
import static org.jingzhun.core.Fixtures.VILLAGE_A1;
import static org.jingzhun.core.Fixtures.household;
import static org.jingzhun.core.PolicyFixtures.income;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jingzhun.core.areaexit.AreaExitAction;
import org.jingzhun.core.areaexit.AreaExitCase;
import org.jingzhun.core.areaexit.AreaExitStage;
import org.jingzhun.core.identification.ExitAction;
import org.jingzhun.core.identification.ExitCase;
import org.jingzhun.core.identification.ExitStage;
import org.jingzhun.core.identification.WorkflowStep;
import org.jingzhun.core.monitoring.LeadKind;
import org.jingzhun.core.monitoring.MonitoringAction;
import org.jingzhun.core.monitoring.MonitoringCase;
import org.jingzhun.core.monitoring.MonitoringStage;
import org.jingzhun.core.procedure.CaseAction;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.policy.MonitoringCategory;

/**
 * Replay of history: whatever sequence of allowed steps a case takes, its signed steps chain from stage to stage
 * along legal transitions to the stage it is in, every step has an audit entry, and the household agrees.
 */
class ProcedureReplayProperties {

    @Property(tries = 25)
    void anySequenceOfAllowedMonitoringStepsLeavesAConsistentCaseAndAudit(
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 99) Integer> choices) {
        MutableClock clock = new MutableClock("2021-03-01");
        try (Jingzhun jz = PolicyFixtures.newJingzhun(clock)) {
            Household h = jz.registry().register(COUNTY_OFFICER, household(VILLAGE_A1, 10, 2).toBuilder()
                    .status(PovertyStatus.NON_POOR).build(), "录入");
            jz.registry().recordIncome(COUNTY_OFFICER, income(h.id(), 2021, 2, "5000"), "调查");
            MonitoringCase c = jz.monitoring().report(COUNTY_OFFICER, h.id(), 2021, LeadKind.CADRE_VISIT, "干部",
                    "走访发现");
            for (int choice : choices) {
                if (c.stage().terminal()) {
                    break;
                }
                MonitoringStage stage = c.stage();
                List<MonitoringAction> allowed = allowed(MonitoringAction.values(), a -> a.allowedFrom(stage)
                        && a != MonitoringAction.REPORT);
                MonitoringAction a = allowed.get(choice % allowed.size());
                if (a == MonitoringAction.CLEAR && c.plan() == null) {
                    a = MonitoringAction.ASSIST;
                }
                clock.advanceDays(a == MonitoringAction.CLEAR ? 200 : 6);
                c = take(jz, c, a);
            }
            MonitoringCase stored = jz.monitoring().getCase(COUNTY_OFFICER, c.id());
            assertThat(stored).isEqualTo(c);
            assertChain(stored.steps(), stored.stage().name(), MonitoringAction::valueOf);
            assertAudited(jz, "monitoring-case", stored.id(), stored.steps());
            assertThat(jz.monitoring().list(COUNTY_OFFICER, Fixtures.COUNTY)).hasSize(
                    stored.stage() == MonitoringStage.MONITORED || stored.stage() == MonitoringStage.RISK_CLEARED
                            ? 1 : 0);
        }
    }

    private static MonitoringCase take(Jingzhun jz, MonitoringCase c, MonitoringAction a) {
        var m = jz.monitoring();
        var p = COUNTY_OFFICER;
        return switch (a) {
            case VERIFY -> m.verify(p, c.id(), MonitoringCategory.MARGINAL, true, "核实");
            case VERIFY_DISMISS -> m.verify(p, c.id(), null, false, "不符合");
            case OPEN_NOTICE -> m.openNotice(p, c.id(), "公示");
            case OBJECT -> m.object(p, c.id(), "村民", "异议");
            case TOWNSHIP_PASS -> m.townshipCheck(p, c.id(), true, "通过");
            case TOWNSHIP_DISMISS -> m.townshipCheck(p, c.id(), false, "不通过");
            case COUNTY_DECIDE -> m.countyDecide(p, c.id(), true, "确定");
            case COUNTY_DISMISS -> m.countyDecide(p, c.id(), false, "不纳入");
            case ASSIST -> m.assist(p, c.id(), List.of("产业帮扶"), "C-1", "干部", "帮扶");
            case CLEAR -> m.clear(p, c.id(), 2021, "稳定");
            case REPORT -> throw new IllegalStateException("the opening step is not repeated");
        };
    }

    @Property(tries = 25)
    void anySequenceOfAllowedExitStepsLeavesAConsistentCaseAuditAndHousehold(
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 99) Integer> choices) {
        MutableClock clock = new MutableClock("2016-03-01");
        try (Jingzhun jz = PolicyFixtures.newJingzhun(clock)) {
            Household h = jz.registry().register(COUNTY_OFFICER, household(VILLAGE_A1, 10, 2), "建档立卡");
            jz.registry().recordIncome(COUNTY_OFFICER, income(h.id(), 2016, 2, "3500"), "核算");
            ExitCase c = jz.exits().start(COUNTY_OFFICER, h.id(), 2016, "评估");
            for (int choice : choices) {
                if (c.stage().terminal()) {
                    break;
                }
                ExitStage stage = c.stage();
                List<ExitAction> allowed = allowed(ExitAction.values(), a -> a.allowedFrom(stage)
                        && a != ExitAction.ASSESS && a != ExitAction.DELIST);
                ExitAction a = allowed.get(choice % allowed.size());
                clock.advanceDays(7);
                c = take(jz, c, a);
            }
            ExitCase stored = jz.exits().get(COUNTY_OFFICER, c.id());
            assertThat(stored).isEqualTo(c);
            assertChain(stored.steps(), stored.stage().name(), ExitAction::valueOf);
            // Announcement and delisting are one act: the delisting step has no audit entry of its own.
            assertAudited(jz, "exit-case", stored.id(), stored.steps().stream()
                    .filter(s -> !s.action().equals(ExitAction.DELIST.name())).toList());
            PovertyStatus status = jz.registry().get(COUNTY_OFFICER, h.id()).status();
            assertThat(status).isEqualTo(switch (stored.stage()) {
                case EXITED -> PovertyStatus.EXITED;
                case CANCELLED -> PovertyStatus.NOT_EXITED;
                default -> PovertyStatus.PRE_EXIT;
            });
        }
    }

    private static ExitCase take(Jingzhun jz, ExitCase c, ExitAction a) {
        var x = jz.exits();
        var p = COUNTY_OFFICER;
        return switch (a) {
            case VILLAGE_PASS -> x.villageReview(p, c.id(), true, "评议");
            case VILLAGE_FAIL -> x.villageReview(p, c.id(), false, "未通过");
            case CONFIRM -> x.confirm(p, c.id(), "户主", true, "认可");
            case DECLINE -> x.confirm(p, c.id(), "户主", false, "不认可");
            case OPEN_NOTICE -> x.openNotice(p, c.id(), "公示");
            case OBJECT -> x.object(p, c.id(), "村民", "异议");
            case ANNOUNCE -> x.announce(p, c.id(), "公告");
            case CANCEL -> x.cancel(p, c.id(), "终止");
            case ASSESS, DELIST -> throw new IllegalStateException("not a step taken by hand");
        };
    }

    @Property(tries = 25)
    void anySequenceOfAllowedVillageExitStepsLeavesAConsistentCaseAuditAndDirectory(
            @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 99) Integer> choices) {
        MutableClock clock = new MutableClock("2018-03-01");
        try (Jingzhun jz = PolicyFixtures.newJingzhun(clock)) {
            AreaExitCase c = jz.areaExits().apply(COUNTY_OFFICER, VILLAGE_A1, 2018, null, "申请");
            for (int choice : choices) {
                if (c.stage().terminal()) {
                    break;
                }
                AreaExitStage stage = c.stage();
                List<AreaExitAction> allowed = allowed(VILLAGE_PATH, a -> a.allowedFrom(stage)
                        && (a != AreaExitAction.REJECT || stage == AreaExitStage.APPLIED));
                AreaExitAction a = allowed.get(choice % allowed.size());
                clock.advanceDays(8);
                var x = jz.areaExits();
                var p = COUNTY_OFFICER;
                c = switch (a) {
                    case TOWNSHIP_PASS -> x.townshipCheck(p, c.id(), true, "初审");
                    case OPEN_NOTICE -> x.openNotice(p, c.id(), "公示");
                    case OBJECT -> x.object(p, c.id(), "村民", "异议");
                    case COUNTY_APPROVE -> x.countyApprove(p, c.id(), "批准");
                    case REJECT -> x.townshipCheck(p, c.id(), false, "不通过");
                    default -> throw new IllegalStateException("not on the village path: " + a);
                };
            }
            AreaExitCase stored = jz.areaExits().get(COUNTY_OFFICER, c.id());
            assertThat(stored).isEqualTo(c);
            assertChain(stored.steps(), stored.stage().name(), AreaExitAction::valueOf);
            assertAudited(jz, "area-exit-case", stored.id(), stored.steps());
            assertThat(jz.regions().find(COUNTY_OFFICER, VILLAGE_A1).orElseThrow().poor())
                    .isEqualTo(stored.stage() != AreaExitStage.EXITED);
        }
    }

    /** The village path's steps; a rejection is taken as the township's failed check of an application. */
    private static final AreaExitAction[] VILLAGE_PATH = {AreaExitAction.TOWNSHIP_PASS, AreaExitAction.OPEN_NOTICE,
        AreaExitAction.OBJECT, AreaExitAction.COUNTY_APPROVE, AreaExitAction.REJECT};

    private static <A> List<A> allowed(A[] all, Predicate<A> ok) {
        return Arrays.stream(all).filter(ok).toList();
    }

    /** Each step starts where the one before ended, is legal from there, is signed and dated in order. */
    private static <A extends CaseAction<?>> void assertChain(List<WorkflowStep> steps, String stage,
            java.util.function.Function<String, A> action) {
        assertThat(steps).isNotEmpty();
        String at = null;
        java.time.Instant last = java.time.Instant.MIN;
        for (WorkflowStep s : steps) {
            assertThat(s.from()).isEqualTo(at);
            A a = action.apply(s.action());
            assertThat(a.to().name()).isEqualTo(s.to());
            assertThat(s.actorId()).isEqualTo(COUNTY_OFFICER.userId());
            assertThat(s.at()).isAfterOrEqualTo(last);
            last = s.at();
            at = s.to();
        }
        assertThat(at).isEqualTo(stage);
    }

    private static void assertAudited(Jingzhun jz, String kind, String caseId, List<WorkflowStep> steps) {
        List<AuditEntry> audit = new java.util.ArrayList<>(jz.audit().entries(new Principal("auditor", "审计员",
                Fixtures.COUNTY, java.util.EnumSet.of(org.jingzhun.spi.access.Permission.AUDIT)),
                org.jingzhun.spi.audit.AuditQuery.county("341702", 1000).about(kind, caseId)).items());
        java.util.Collections.reverse(audit);
        assertThat(audit).extracting(AuditEntry::action).containsExactlyElementsOf(steps.stream()
                .map(s -> s.action().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
        assertThat(audit).extracting(AuditEntry::actorId).containsOnly(COUNTY_OFFICER.userId());
    }
}

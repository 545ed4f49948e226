package org.jingzhun.core.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.pairing.CadrePairing;
import org.jingzhun.spi.pairing.TeamMember;
import org.jingzhun.spi.pairing.UnitPairing;
import org.jingzhun.spi.pairing.WorkTeam;
import org.jingzhun.spi.plan.FourLists;
import org.jingzhun.spi.plan.FourLists.MeasureLine;
import org.jingzhun.spi.plan.FourLists.NeedLine;
import org.jingzhun.spi.plan.FourLists.ResponsibilityLine;
import org.jingzhun.spi.plan.FourLists.TargetLine;
import org.jingzhun.spi.plan.HouseholdPlan;
import org.jingzhun.spi.plan.Measure;
import org.jingzhun.spi.plan.MeasureStatus;
import org.jingzhun.spi.plan.Need;
import org.jingzhun.spi.plan.VillageAdvancement;
import org.jingzhun.spi.plan.VillagePlan;
import org.jingzhun.spi.plan.VillageProject;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.target.ReductionTarget;

/**
 * Derives the four lists (四项清单) from plans, pairings and targets. Pure. A household's lists are its plan's needs
 * and measures, its paired cadre and each measure's responsible cadre, and its targets: the income goal, the exit
 * when it is planned to exit this year, and each unfinished measure's deadline. A village's lists hold the village's
 * own lines (village plan needs and projects, the advancement projects budgeted in the year, helping units, leaders
 * and work team, the village reduction target and project deadlines) followed by every household's lines.
 */
final class FourListsDerivation {

    private FourListsDerivation() {
    }

    /** Names of cadres and units by id, to show {@code id 姓名}. */
    interface Names {
        String of(String id);
    }

    static FourLists household(Household h, HouseholdPlan plan, Optional<CadrePairing> cadre,
            Optional<IncomeStatement> income, Optional<ReductionTarget> villageTarget, Names names) {
        List<NeedLine> needs = new ArrayList<>();
        List<MeasureLine> measures = new ArrayList<>();
        List<ResponsibilityLine> resp = new ArrayList<>();
        List<TargetLine> targets = new ArrayList<>();
        addHousehold(h, plan, cadre, income, villageTarget, names, needs, measures, resp, targets);
        String name = h.head().map(m -> m.name().isEmpty() ? h.id() : m.name().charAt(0) + "**").orElse(h.id());
        return new FourLists(h.id(), name, plan.year(), needs, measures, resp, targets);
    }

    static void addHousehold(Household h, HouseholdPlan plan, Optional<CadrePairing> cadre,
            Optional<IncomeStatement> income, Optional<ReductionTarget> villageTarget, Names names,
            List<NeedLine> needs, List<MeasureLine> measures, List<ResponsibilityLine> resp, List<TargetLine> targets) {
        String s = h.id();
        for (Need n : plan.needs()) {
            needs.add(new NeedLine(s, n));
        }
        for (Measure m : plan.measures()) {
            measures.add(new MeasureLine(s, m.id(), m.type(), m.description(), m.cost(), m.fundingSource(),
                    m.status()));
        }
        String paired = cadre.map(CadrePairing::cadreId).orElse(plan.responsibleCadre());
        resp.add(new ResponsibilityLine(s, "包户干部", paired == null ? "(未结对)" : names.of(paired), "全户帮扶"));
        for (Measure m : plan.measures()) {
            if (m.status() != MeasureStatus.DROPPED) {
                String who = m.responsibleCadre() == null ? "(未指定)" : names.of(m.responsibleCadre());
                resp.add(new ResponsibilityLine(s, "措施责任人", who, m.id() + " " + m.type().label()));
            }
        }
        LocalDate yearEnd = LocalDate.of(plan.year(), 12, 31);
        String incomeStatus = income.filter(i -> i.year() == plan.year())
                .map(i -> i.perCapitaNetIncome().compareTo(plan.incomeGoal()) >= 0 ? "已达标" : "未达标")
                .orElse("待核算");
        targets.add(new TargetLine(s, "人均纯收入达到" + plan.incomeGoal().toPlainString() + "元", yearEnd,
                incomeStatus));
        if (villageTarget.isPresent() && villageTarget.get().plannedHouseholds().contains(h.id())) {
            targets.add(new TargetLine(s, "年度脱贫退出", yearEnd,
                    h.status() == PovertyStatus.EXITED ? "已脱贫" : h.status().label()));
        }
        for (Measure m : plan.measures()) {
            if (m.status() != MeasureStatus.DROPPED) {
                targets.add(new TargetLine(s, "完成：" + m.description(), m.deadline(), m.status().label()));
            }
        }
    }

    /** One household's inputs to the village lists. */
    record HouseholdInput(Household household, HouseholdPlan plan, Optional<CadrePairing> cadre,
            Optional<IncomeStatement> income) {
    }

    static FourLists village(RegionCode village, String villageName, int year, Optional<VillagePlan> plan,
            Optional<VillageAdvancement> advancement, List<UnitPairing> pairings, List<WorkTeam> teams,
            Optional<ReductionTarget> target, List<HouseholdInput> households, Names names) {
        String s = village.value();
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate yearStart = LocalDate.of(year, 1, 1);
        List<NeedLine> needs = new ArrayList<>();
        List<MeasureLine> measures = new ArrayList<>();
        List<ResponsibilityLine> resp = new ArrayList<>();
        List<TargetLine> targets = new ArrayList<>();
        List<VillageProject> projects = new ArrayList<>();
        plan.ifPresent(p -> {
            p.needs().forEach(n -> needs.add(new NeedLine(s, n)));
            projects.addAll(p.projects());
        });
        advancement.ifPresent(a -> a.projects().stream().filter(p -> p.budget(year).signum() > 0)
                .forEach(projects::add));
        for (VillageProject p : projects) {
            measures.add(new MeasureLine(s, p.id(), p.type(), p.name(), p.budget(year).signum() > 0
                    ? p.budget(year) : p.totalBudget(), p.fundingSource(), p.status()));
            resp.add(new ResponsibilityLine(s, "项目责任单位", names.of(p.responsibleUnit()), p.id() + " " + p.name()));
            if (p.status() != MeasureStatus.DROPPED) {
                targets.add(new TargetLine(s, "完成项目：" + p.name(), p.deadline(), p.status().label()));
            }
        }
        for (UnitPairing up : pairings) {
            if (up.village().equals(village) && overlaps(up.from(), up.to(), yearStart, yearEnd)) {
                resp.add(new ResponsibilityLine(s, up.kind().label(), names.of(up.helperId()), "整村帮扶"));
            }
        }
        for (WorkTeam t : teams) {
            if (t.village().equals(village) && overlaps(t.from(), t.to(), yearStart, yearEnd)) {
                resp.add(new ResponsibilityLine(s, "驻村工作队", t.name(), "驻村帮扶"));
                for (TeamMember m : t.members()) {
                    if (overlaps(m.from(), m.to(), yearStart, yearEnd)) {
                        resp.add(new ResponsibilityLine(s, "工作队" + m.role(), names.of(m.cadreId()), t.name()));
                    }
                }
            }
        }
        target.ifPresent(t -> targets.add(new TargetLine(s, "年度减贫" + t.households() + "户" + t.people() + "人",
                yearEnd, "计划脱贫户" + t.plannedHouseholds().size() + "户" + t.plannedPeople() + "人")));
        if (plan.isPresent()) {
            targets.add(new TargetLine(s, "发展目标：" + plan.get().goal(), yearEnd, ""));
        }
        for (HouseholdInput in : households) {
            addHousehold(in.household(), in.plan(), in.cadre(), in.income(), target, names, needs, measures, resp,
                    targets);
        }
        return new FourLists(s, villageName, year, needs, measures, resp, targets);
    }

    private static boolean overlaps(LocalDate from, LocalDate to, LocalDate start, LocalDate end) {
        return !from.isAfter(end) && (to == null || !to.isBefore(start));
    }

    /** The lists as plain text, one section per list, for printing or a terminal. */
    static String print(FourLists lists) {
        StringBuilder sb = new StringBuilder();
        sb.append(lists.name()).append(" (").append(lists.subject()).append(") ").append(lists.year())
                .append("年 四项清单\n");
        sb.append("一、需求清单\n");
        lists.needs().forEach(n -> sb.append("  ").append(n.subject()).append("  ").append(n.need().description())
                .append('\n'));
        sb.append("二、措施清单\n");
        lists.measures().forEach(m -> sb.append("  ").append(m.subject()).append("  ").append(m.measureId())
                .append(' ').append(m.type().label()).append("：").append(m.description()).append("  ")
                .append(m.cost().toPlainString()).append("元  ").append(m.fundingSource().label()).append("  ")
                .append(m.status().label()).append('\n'));
        sb.append("三、责任清单\n");
        lists.responsibilities().forEach(r -> sb.append("  ").append(r.subject()).append("  ").append(r.role())
                .append("：").append(r.responsible()).append("  ").append(r.forWhat()).append('\n'));
        sb.append("四、目标和时限清单\n");
        lists.targets().forEach(t -> sb.append("  ").append(t.subject()).append("  ").append(t.target())
                .append("  ").append(t.deadline()).append("前  ").append(t.status()).append('\n'));
        return sb.toString();
    }

    static Names names(Map<String, String> byId) {
        return id -> {
            String n = byId.get(id);
            return n == null ? id : id + " " + n;
        };
    }
}

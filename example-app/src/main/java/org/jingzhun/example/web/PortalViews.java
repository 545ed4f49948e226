package org.jingzhun.example.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.math.RoundingMode;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.funds.FundReport;
import org.jingzhun.core.funds.FundUseLine;
import org.jingzhun.core.funds.HouseholdFundLine;
import org.jingzhun.core.funds.HouseholdFunds;
import org.jingzhun.core.funds.ProjectBalance;
import org.jingzhun.core.registry.FieldChange;
import org.jingzhun.core.registry.HistoryEntry;
import org.jingzhun.core.statistics.RegionStatistics;
import org.jingzhun.spi.CodedEnum;
import org.jingzhun.spi.funds.AidProject;
import org.jingzhun.spi.funds.InterestSubsidy;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.plan.HouseholdPlan;
import org.jingzhun.spi.plan.Measure;
import org.jingzhun.spi.plan.Need;
import org.jingzhun.spi.plan.ProgressNote;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.region.RegionTree;

/**
 * The shapes the portal sends to browsers and downloads, built from the domain model as the library hands it out: the
 * library masks personal data for principals without {@link Permission#VIEW_PERSONAL_DATA} (its screen profile:
 * redacted IDs, masked phone and bank numbers, no address detail or health), so the portal masks nothing on its own.
 * Fund reports carry no personal data (source lines, whose labels may name a donor, are left out).
 */
final class PortalViews {
    private final boolean personal;
    private final LocalDate today;

    PortalViews(Principal principal, LocalDate today) {
        this.personal = principal.can(Permission.VIEW_PERSONAL_DATA);
        this.today = today;
    }

    boolean personalDataVisible() {
        return personal;
    }

    // ---- areas -------------------------------------------------------------------------------------------------

    /** A code and label with a count, for status and cause breakdowns. */
    record Count(String key, String label, long count) {
    }

    /** Figures of one area, with incidence as an exact two-decimal number. */
    record AreaFigures(String code, String name, String level, String levelLabel, String parent, boolean poorVillage,
            long ruralPopulation, long households, long people, long poorHouseholds, long poorPeople,
            BigDecimal incidencePercent, List<Count> byStatus, List<Count> poorByMainCause) {
    }

    static AreaFigures figures(RegionStatistics s) {
        RegionCode parent = s.level() == RegionLevel.PROVINCE ? null : s.code().parent();
        return new AreaFigures(s.code().value(), s.name(), s.level().name(), s.level().label(),
                parent == null ? null : parent.value(), s.poorVillage(), s.ruralPopulation(), s.households(),
                s.people(), s.poorHouseholds(), s.poorPeople(), s.incidencePercent(), counts(s.householdsByStatus()),
                counts(s.poorByMainCause()));
    }

    private static <E extends Enum<E> & CodedEnum> List<Count> counts(Map<E, Long> map) {
        List<Count> out = new ArrayList<>();
        map.forEach((k, v) -> out.add(new Count(k.name(), k.label(), v)));
        out.sort(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key));
        return out;
    }

    /** An area and the areas under it, as a nested tree. */
    record RegionNode(String code, String name, String level, long ruralPopulation, boolean poor,
            List<RegionNode> children) {
    }

    static List<RegionNode> tree(RegionTree tree) {
        return tree.roots().stream().map(r -> node(tree, r)).toList();
    }

    private static RegionNode node(RegionTree tree, Region r) {
        return new RegionNode(r.code().value(), r.name(), r.level().name(), r.ruralPopulation(),
                r.poor() && r.level() == RegionLevel.VILLAGE,
                tree.children(r.code()).stream().map(c -> node(tree, c)).toList());
    }

    // ---- households --------------------------------------------------------------------------------------------

    /** One line of the household list. */
    record HouseholdRow(String id, String region, String township, String village, String villageGroup,
            String headName, String headCitizenId, int size, String phone, String type, String typeLabel,
            String status, String statusLabel, String mainCause, String mainCauseLabel, int identifiedYear) {
    }

    HouseholdRow row(Household h, RegionTree tree) {
        Member head = h.head().orElse(h.members().isEmpty() ? null : h.members().get(0));
        RegionCode region = h.region();
        return new HouseholdRow(h.id(), region.value(), areaName(tree, region.ancestorAt(RegionLevel.TOWNSHIP)),
                areaName(tree, region), h.villageGroup(), head == null ? null : head.name(),
                head == null ? null : head.citizenId().value(), h.size(), h.phone(), h.type().name(),
                h.type().label(), h.status().name(), h.status().label(), h.mainCause().name(),
                h.mainCause().label(), h.identifiedYear());
    }

    private static String areaName(RegionTree tree, RegionCode code) {
        return tree.find(code).map(Region::name).orElse(code.value());
    }

    /** A page of household rows. */
    record HouseholdPage(String area, int offset, int limit, long total, List<HouseholdRow> items) {
    }

    /** A member as shown on the card; sex and age are derived from the ID, the birth date itself is not shown. */
    record MemberView(String name, String citizenId, String relationship, String relationshipLabel, String sex,
            Integer age, String ethnicity, String education, String studentStatus, String health, String labourAbility,
            String migrantWork, int monthsWorked, List<String> insurances, boolean servingSoldier) {
    }

    MemberView member(Member m) {
        return new MemberView(m.name(), m.citizenId().value(), m.relationship().name(),
                m.relationship().label(), m.sex().label(),
                m.citizenId().isRedacted() ? null : m.citizenId().ageOn(today), m.ethnicity(),
                m.education().label(), m.studentStatus().label(), m.health() == null ? null : m.health().label(),
                m.labourAbility().label(),
                m.migrantWork().label(), m.monthsWorked(), labels(m.insurances()), m.servingSoldier());
    }

    private static List<String> labels(java.util.Collection<? extends CodedEnum> values) {
        return values.stream().sorted(Comparator.comparing(CodedEnum::code)).map(CodedEnum::label).toList();
    }

    /** One income item of a year. */
    record IncomeLine(String item, String label, String category, boolean oneOff, BigDecimal amount) {
    }

    /** A year's income statement with its net and per-capita net income (人均纯收入). */
    record IncomeView(int year, int householdSize, List<IncomeLine> items, BigDecimal productionCosts,
            BigDecimal netIncome, BigDecimal perCapitaNetIncome) {
    }

    static IncomeView income(IncomeStatement s) {
        List<IncomeLine> lines = new ArrayList<>();
        for (Map.Entry<IncomeItem, BigDecimal> e : s.items().entrySet()) {
            IncomeItem item = e.getKey();
            lines.add(new IncomeLine(item.name(), item.label(), item.category().name(), item.oneOff(), e.getValue()));
        }
        return new IncomeView(s.year(), s.householdSize(), lines, s.productionCosts(), s.netIncome(),
                s.perCapitaNetIncome());
    }

    /** Housing as shown on the card. */
    record HousingView(BigDecimal area, String structure, Integer buildYear, String safety, boolean safe) {
    }

    /** The registration card (建档立卡信息) with members and incomes by year. */
    record HouseholdCard(String id, String region, String regionPath, String villageGroup, String address,
            String phone, String bankName, String bankAccount, String standard, String type, String typeLabel,
            String mainCause, String mainCauseLabel, List<String> otherCauses, List<String> flags, String status,
            String statusLabel, int identifiedYear, HousingView housing, boolean safeDrinkingWater,
            boolean electricity, BigDecimal arableLand, BigDecimal irrigatedLand, BigDecimal forestLand,
            boolean mutualAidMember, BigDecimal mutualAidContribution, long version, boolean personalDataMasked,
            List<MemberView> members, List<IncomeView> incomes) {
    }

    HouseholdCard card(Household h, RegionTree tree, List<IncomeStatement> incomes) {
        HousingView housing = h.housing() == null ? null : new HousingView(h.housing().area(),
                h.housing().structure().label(), h.housing().buildYear(), h.housing().safety().label(),
                h.housing().safe());
        return new HouseholdCard(h.id(), h.region().value(), tree.path(h.region()), h.villageGroup(), h.address(),
                h.phone(), h.bankName(), h.bankAccount(), h.standard().label(), h.type().name(),
                h.type().label(), h.mainCause().name(), h.mainCause().label(), labels(h.otherCauses()),
                labels(h.flags()), h.status().name(), h.status().label(), h.identifiedYear(), housing,
                h.safeDrinkingWater(), h.electricity(), h.land() == null ? null : h.land().arable(),
                h.land() == null ? null : h.land().irrigated(), h.land() == null ? null : h.land().forest(),
                h.mutualAidMember(), h.mutualAidContribution(), h.version(), !personal,
                h.members().stream().map(this::member).toList(),
                incomes.stream().sorted(Comparator.comparingInt(IncomeStatement::year)).map(PortalViews::income)
                        .toList());
    }

    // ---- plans -------------------------------------------------------------------------------------------------

    /** A dated progress note of a measure; the author's name is masked like every name. */
    record NoteView(LocalDate date, String author, String text) {
    }

    /** One measure of a household plan (帮扶措施): what, cost, expected benefit, who pays, owner, deadline, status. */
    record MeasureView(String id, String type, String typeLabel, String name, BigDecimal cost, BigDecimal benefit,
            String fundingSource, String fundingSourceLabel, String owner, LocalDate deadline, String status,
            String statusLabel, List<NoteView> progress) {
    }

    /** A household's plan for one year (一户一策) with its needs and measures. */
    record PlanView(int year, BigDecimal incomeGoal, String responsibleCadre, List<String> needs,
            BigDecimal totalCost, BigDecimal totalBenefit, long version, List<MeasureView> measures) {
    }

    PlanView plan(Versioned<HouseholdPlan> stored) {
        HouseholdPlan p = stored.value();
        List<MeasureView> measures = new ArrayList<>(p.measures().size());
        for (Measure m : p.measures()) {
            List<NoteView> notes = new ArrayList<>(m.progress().size());
            for (ProgressNote n : m.progress()) {
                notes.add(new NoteView(n.date(), n.author(), n.text()));
            }
            measures.add(new MeasureView(m.id(), m.type().name(), m.type().label(), m.description(), m.cost(),
                    m.expectedBenefit(), m.fundingSource().name(), m.fundingSource().label(), m.responsibleCadre(),
                    m.deadline(), m.status().name(), m.status().label(), notes));
        }
        return new PlanView(p.year(), p.incomeGoal(), p.responsibleCadre(),
                p.needs().stream().map(Need::description).toList(), p.totalCost(), p.totalExpectedBenefit(),
                stored.version(), measures);
    }

    // ---- funds -------------------------------------------------------------------------------------------------

    /**
     * One line of fund use: for a kind of source, the money that arrived; for an area, the money allocated to its
     * projects; then allocated, disbursed, and the disbursement rate in percent (one decimal).
     */
    record FundLine(String key, String label, BigDecimal received, BigDecimal allocated, BigDecimal disbursed,
            BigDecimal ratePercent) {
    }

    static FundLine fundLine(FundUseLine l) {
        return new FundLine(l.key(), l.label(), l.received(), l.allocated(), l.disbursed(),
                l.disbursementRate().movePointRight(2).setScale(1, RoundingMode.HALF_UP));
    }

    /** A project with its money; the rate is disbursed ÷ allocated in percent. */
    record ProjectRow(String id, int year, String name, String region, String areaName, String category,
            String categoryLabel, String status, String statusLabel, String owner, LocalDate deadline,
            int beneficiaries, BigDecimal budget, BigDecimal allocated, BigDecimal disbursed, BigDecimal undisbursed,
            BigDecimal ratePercent) {
    }

    static ProjectRow project(ProjectBalance b, RegionTree tree) {
        AidProject p = b.project();
        BigDecimal rate = b.allocated().signum() == 0 ? BigDecimal.ZERO.setScale(1)
                : b.disbursed().movePointRight(2).divide(b.allocated(), 1, RoundingMode.HALF_UP);
        return new ProjectRow(p.id(), p.year(), p.name(), p.region().value(), areaName(tree, p.region()),
                p.category().name(), p.category().label(), p.status().name(), p.status().label(), p.owner(),
                p.deadline(), p.beneficiaries().size(), p.budget(), b.allocated(), b.disbursed(), b.undisbursed(), rate);
    }

    /** The funds page (资金使用情况): totals, by kind of source, by sub-area, and the projects. */
    record FundsView(String area, String areaName, Integer year, List<Integer> years, LocalDate issuedOn,
            FundLine total, List<FundLine> byKind, List<FundLine> byArea, List<ProjectRow> projects) {
    }

    static FundsView funds(FundReport r, RegionTree tree, List<Integer> years) {
        List<ProjectRow> projects = r.projects().stream().map(p -> project(p, tree))
                .sorted(Comparator.comparingInt(ProjectRow::year).thenComparing(ProjectRow::region)
                        .thenComparing(ProjectRow::id))
                .toList();
        return new FundsView(r.area().value(), areaName(tree, r.area()), r.year(), years, r.issuedOn(),
                fundLine(r.sourcesTotal()), r.byKind().stream().map(PortalViews::fundLine).toList(),
                r.byArea().stream().map(PortalViews::fundLine).toList(), projects);
    }

    /** A payment that reached a household (到户资金). */
    record PaymentView(String entryId, LocalDate date, String projectId, String projectName, String purpose,
            BigDecimal amount) {
    }

    /** The interest subsidy of one microcredit loan for the year, with the library's explanation in one line. */
    record SubsidyView(String loanId, long days, BigDecimal interest, BigDecimal subsidy, String explanation) {
    }

    /** The money that reached a household in one year. */
    record HouseholdFundsView(int year, BigDecimal total, List<PaymentView> payments, List<SubsidyView> subsidies) {
    }

    static HouseholdFundsView householdFunds(HouseholdFunds f) {
        List<PaymentView> payments = new ArrayList<>();
        for (HouseholdFundLine d : f.disbursements()) {
            payments.add(new PaymentView(d.entryId(), d.date(), d.projectId(), d.projectName(), d.purpose(),
                    d.amount()));
        }
        List<SubsidyView> subsidies = new ArrayList<>();
        for (InterestSubsidy s : f.subsidies()) {
            subsidies.add(new SubsidyView(s.loanId(), s.days(), s.interest(), s.subsidy(), s.explanation().result()));
        }
        return new HouseholdFundsView(f.year(), f.total(), payments, subsidies);
    }

    // ---- history -----------------------------------------------------------------------------------------------

    /** One changed field of a history entry, values masked like the card. */
    record ChangeView(String path, String before, String after) {
    }

    /** One history entry (变更记录) with a zh-CN label of its action. */
    record HistoryView(long sequence, Instant at, String actorId, String actorName, String entityType, String action,
            String actionLabel, String reason, List<ChangeView> changes) {
    }

    HistoryView history(HistoryEntry e) {
        List<ChangeView> changes = new ArrayList<>(e.changes().size());
        for (FieldChange c : e.changes()) {
            changes.add(new ChangeView(c.path(), c.before(), c.after()));
        }
        return new HistoryView(e.sequence(), e.at(), e.actorId(), e.actorName(), e.entityType(), e.action(),
                actionLabel(e.action()), e.reason(), changes);
    }

    static String actionLabel(String action) {
        return switch (action) {
            case "register" -> "建档登记";
            case "amend" -> "信息变更";
            case "remove" -> "清退";
            case "record-income" -> "录入收入";
            case "correct-income" -> "更正收入";
            default -> action;
        };
    }

    // ---- errors and the caller -------------------------------------------------------------------------------

    /** The error body of every failed API call. */
    record ErrorBody(String code, String message, String messageZh,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            List<org.jingzhun.spi.error.Violation> violations) {
    }

    /**
     * Who is signed in, for the page header: scope and permissions, the session's CSRF token (the page sends it back
     * on every change), the years to choose from and the idle timeout in seconds.
     */
    record Me(String userId, String displayName, String scope, String scopeName, String scopeLevel,
            List<String> permissions, boolean personalDataVisible, String csrfToken, List<Integer> years,
            long idleTimeoutSeconds) {
    }

    // ---- dashboard ---------------------------------------------------------------------------------------------

    /** Households that exited in the year in one village. */
    record VillageExits(String code, String name, String township, long households) {
    }

    /** The dashboard of one year: its closed figures (null when the year is not closed), monitoring and exits. */
    record Dashboard(int year, List<Integer> years, YearView figures, long monitored, long monitoredAtRisk,
            List<Count> monitoredByCategory, long exitedHouseholds, List<VillageExits> exitsByVillage) {
    }

    /**
     * One closed year of an area (年度统计) as the library froze it with {@code statistics().closeYear}, beside the
     * year's reduction target (减贫任务) in people, null when none was set.
     */
    record YearView(int year, long registeredHouseholds, long registeredPeople, long poorHouseholds, long poorPeople,
            BigDecimal incidencePercent, long exitedHouseholds, long exitedPeople, long returnedHouseholds,
            long newHouseholds, long villagesExited, long monitoredHouseholds, long peopleTrained,
            Integer targetPeople) {
    }

    static YearView year(org.jingzhun.core.statistics.YearFigures f, Integer targetPeople) {
        return new YearView(f.year(), f.registeredHouseholds(), f.registeredPeople(), f.poorHouseholds(),
                f.poorPeople(), f.incidencePercent(), f.exitedHouseholds(), f.exitedPeople(), f.returnedHouseholds(),
                f.newHouseholds(), f.villagesExited(), f.monitoredHouseholds(), f.peopleTrained(), targetPeople);
    }

    static Dashboard dashboard(int year, List<Integer> years, YearView figures,
            List<org.jingzhun.core.monitoring.MonitoringRecord> monitored, Map<String, Long> exitsByVillage,
            RegionTree tree) {
        Map<org.jingzhun.spi.policy.MonitoringCategory, Long> byCategory = new java.util.EnumMap<>(
                org.jingzhun.spi.policy.MonitoringCategory.class);
        long atRisk = 0;
        for (org.jingzhun.core.monitoring.MonitoringRecord m : monitored) {
            byCategory.merge(m.category(), 1L, Long::sum);
            if (m.status() == org.jingzhun.core.monitoring.MonitoringStatus.MONITORED) {
                atRisk++;
            }
        }
        List<VillageExits> villages = new ArrayList<>();
        long exited = 0;
        for (Map.Entry<String, Long> e : exitsByVillage.entrySet()) {
            RegionCode code = RegionCode.of(e.getKey());
            villages.add(new VillageExits(code.value(), areaName(tree, code),
                    areaName(tree, code.ancestorAt(RegionLevel.TOWNSHIP)), e.getValue()));
            exited += e.getValue();
        }
        villages.sort(Comparator.comparingLong(VillageExits::households).reversed().thenComparing(VillageExits::code));
        return new Dashboard(year, years, figures, monitored.size(), atRisk, counts(byCategory), exited, villages);
    }

    // ---- benefit statements --------------------------------------------------------------------------------------

    /** One policy of a benefit statement: amount, the rule it comes from, the parts that add up, the conclusion. */
    record BenefitLine(String title, BigDecimal amount, String basis, List<String> parts, String result) {
    }

    /** A household's benefit statement for a year (明白卡), printable; the head's name masked like every name. */
    record BenefitView(String householdId, String regionPath, int year, String headName, String headIdMasked,
            String statusLabel, List<BenefitLine> lines, BigDecimal total, LocalDate issuedOn) {
    }

    BenefitView benefit(org.jingzhun.core.benefit.BenefitStatement s, RegionTree tree) {
        List<BenefitLine> lines = new ArrayList<>();
        List<org.jingzhun.core.policy.BenefitLine> all = new ArrayList<>(s.enjoyed());
        all.addAll(s.notEnjoyed());
        for (org.jingzhun.core.policy.BenefitLine line : all) {
            org.jingzhun.spi.policy.BenefitAmount b = line.amount();
            List<String> parts = b.explanation().parts().stream().map(p -> p.label() + " " + p.amount().toPlainString()
                    + " 元" + (p.basis().isEmpty() ? "" : "（" + p.basis() + "）")).toList();
            lines.add(new BenefitLine(b.title(), b.amount(), b.explanation().pack() + " / " + b.explanation().rule(),
                    parts, b.explanation().result()));
        }
        for (org.jingzhun.core.policy.BenefitLine line : s.failed()) {
            lines.add(new BenefitLine(line.title(), null, line.pack() + " / " + line.policy(), List.of(),
                    "计算失败，待核实（" + line.failure().code() + "）"));
        }
        return new BenefitView(s.householdId(), tree.path(s.region()), s.year(), s.headName(), s.headId(),
                s.status().label(), lines, s.totalDue(), s.issuedOn());
    }

    // ---- audit -------------------------------------------------------------------------------------------------

    /**
     * One audit entry (审计日志) as the library lets the caller see it: before, after and reason already masked for a
     * principal without VIEW_PERSONAL_DATA; the time in the county's zone.
     */
    record AuditEntryView(long sequence, String at, String actorId, String actorName, String entityType,
            String entityId, String region, String action, String reason, String before, String after,
            String hash) {
    }

    /** A page of the audit log, newest first; {@code next} is the {@code before} of the following page, or null. */
    record AuditPageView(String county, List<AuditEntryView> items, Long next) {
    }

    static AuditPageView audit(String county, org.jingzhun.core.audit.AuditPage page, java.time.ZoneId zone) {
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        List<AuditEntryView> items = new ArrayList<>(page.items().size());
        for (org.jingzhun.spi.audit.AuditEntry e : page.items()) {
            items.add(new AuditEntryView(e.sequence(), f.format(e.at().atZone(zone)), e.actorId(), e.actorName(),
                    e.entityType(), e.entityId(), e.region().value(), e.action(), e.reason(), e.before(), e.after(),
                    e.hash()));
        }
        return new AuditPageView(county, items, page.hasNext() ? page.next().beforeSequence() : null);
    }

    /** The hash-chain check (审计链校验): intact, or the first broken entry and how, in zh-CN. */
    record VerificationView(String county, long checked, boolean intact, Long brokenSequence, String problem,
            String problemLabel, Long previousSequence) {
    }

    static VerificationView verification(org.jingzhun.spi.audit.AuditVerification v) {
        String label = v.problem() == null ? null : switch (v.problem()) {
            case HASH_MISMATCH -> "记录在写入后被改动（哈希不符）";
            case PREV_LINK_BROKEN -> "此前有记录被插入或删除（前序哈希不符）";
            case OUT_OF_ORDER -> "序号顺序错乱";
            case OTHER_COUNTY -> "混入其他县的记录";
        };
        return new VerificationView(v.countyCode(), v.checked(), v.intact(), v.brokenSequence(),
                v.problem() == null ? null : v.problem().name(), label, v.previousSequence());
    }

    // ---- tables for CSV downloads (no personal data) -------------------------------------------------------------

    static final List<String> SUMMARY_HEADER = List.of("区划代码", "名称", "级别", "贫困村", "农村户籍人口", "在册户数",
            "在册人数", "贫困户数", "贫困人口", "贫困发生率(%)", "主要致贫原因(户)");

    static final List<String> FUNDS_HEADER = List.of("分组", "代码", "名称", "年度", "地区", "类别", "状态", "预算(元)",
            "到位(元)", "已分配(元)", "已支出(元)", "支出进度(%)");

    static List<Object> summaryRow(AreaFigures a) {
        return java.util.Arrays.asList(a.code(), a.name(), a.levelLabel(), a.poorVillage() ? "是" : "",
                a.ruralPopulation(), a.households(), a.people(), a.poorHouseholds(), a.poorPeople(),
                a.incidencePercent(), a.poorByMainCause().stream().map(c -> c.label() + " " + c.count())
                        .collect(java.util.stream.Collectors.joining("；")));
    }

    /** The funds page as rows: the total, each kind of source, each sub-area, then each project. */
    static List<List<Object>> fundsRows(FundsView f) {
        String year = f.year() == null ? "全部" : f.year().toString();
        List<List<Object>> out = new ArrayList<>();
        out.add(fundLine("合计", f.total(), year, f.areaName()));
        for (FundLine l : f.byKind()) {
            out.add(fundLine("资金类别", l, year, f.areaName()));
        }
        for (FundLine l : f.byArea()) {
            out.add(fundLine("地区", l, year, l.label()));
        }
        for (ProjectRow p : f.projects()) {
            out.add(java.util.Arrays.asList("项目", p.id(), p.name(), p.year(), p.areaName(), p.categoryLabel(),
                    p.statusLabel(), p.budget(), "", p.allocated(), p.disbursed(), p.ratePercent()));
        }
        return out;
    }

    private static List<Object> fundLine(String group, FundLine l, String year, String area) {
        return java.util.Arrays.asList(group, l.key(), l.label(), year, area, "", "", "", l.received(), l.allocated(),
                l.disbursed(), l.ratePercent());
    }
}

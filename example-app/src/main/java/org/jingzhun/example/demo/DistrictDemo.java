package org.jingzhun.example.demo;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.core.identification.ExitCase;
import org.jingzhun.core.identification.ExitStart;
import org.jingzhun.core.identification.IdentificationCase;
import org.jingzhun.core.identification.IdentificationWorkflow;
import org.jingzhun.core.identification.VillageVote;
import org.jingzhun.core.areaexit.AreaExitCase;
import org.jingzhun.core.monitoring.LeadKind;
import org.jingzhun.core.monitoring.MonitoringCase;
import org.jingzhun.core.monitoring.MonitoringStage;
import org.jingzhun.core.statistics.RegionStatistics;
import org.jingzhun.core.statistics.YearFigures;
import org.jingzhun.core.training.Course;
import org.jingzhun.core.training.TrainingKind;
import org.jingzhun.spi.household.LabourAbility;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.monitoring.LeadSector;
import org.jingzhun.spi.monitoring.MonitoringLead;
import org.jingzhun.spi.monitoring.MonitoringLeadSource;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.policy.MonitoringCategory;
import org.jingzhun.spi.policy.VillageIndicators;
import org.jingzhun.example.district.DistrictGenerator;
import org.jingzhun.example.district.DistrictProfile;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.JingzhunException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Housing;
import org.jingzhun.spi.household.HousingSafety;
import org.jingzhun.spi.household.HousingStructure;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.StudentStatus;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.pairing.Cadre;
import org.jingzhun.spi.pairing.CadreRole;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.target.ReductionTarget;

/**
 * Runs a generated district year by year from 2014 to 2020 through Jingzhun's public API only, the way a county
 * poverty office would: the 2014 registration campaign, then every year a reduction target decomposed to households,
 * household plans, the income survey, the exit procedure for the households that meet the exit criteria, a few
 * returns to poverty, new identifications through the full procedure, and relapse monitoring from 2019. After each
 * year it closes the library's yearly figures ({@link YearFigures}) into a {@link YearRow}.
 *
 * <p>What is simulated (the rest is Jingzhun doing its job): incomes. Households planned to exit get the year's
 * measures and a per-capita income between 1.45 and 2.3 times the line, and their dilapidated housing or unsafe
 * water is fixed (危房改造, 饮水安全); other poor households grow 3–10% a year but stay under the line; exited
 * households grow 6–14% a year, except the few that fall back (illness), whose income drops under the line.
 */
public final class DistrictDemo {
    /** Share of the poor remaining at the start of each year 2014..2020 that the county targets that year. */
    private static final double[] TARGET_SHARE = {0.0, 0.20, 0.31, 0.45, 0.47, 0.62, 1.0};
    /** Households newly identified each year, as a share of the baseline households. */
    private static final double[] NEW_ENTRY_SHARE = {0.0, 0.012, 0.012, 0.010, 0.008, 0.004, 0.0};
    private static final int FIRST_YEAR = 2014;
    private static final int LAST_YEAR = 2020;

    /** The year whose 明白卡 the demo issues: the year of the Guichi article. */
    static final int CARD_YEAR = 2016;

    private final Jingzhun jz;
    private final DemoClock clock;
    private final DistrictGenerator gen;
    private final Map<Integer, BigDecimal> lines;
    private final PrintStream progress;
    private final Principal county;
    private final RegionCode countyCode;
    private final Random random;
    private final DistrictFunds funds;
    private final Random choices;
    /** Last surveyed per-capita income of each household: the demo's own memory of the simulation. */
    private final Map<String, BigDecimal> perCapita = new HashMap<>();
    private final Set<String> fellBack = new HashSet<>();
    private List<Region> regions;
    private RegionStatistics lastYearEnd;
    private BenefitCards benefitCards;

    /**
     * The 明白卡 the demo issues at the end of {@value #CARD_YEAR} for its first poor village, through the library:
     * how many households got a card, what the packs in force say is due in all, which rules failed, and one
     * household's printable card.
     */
    public record BenefitCards(int year, RegionCode village, int households, BigDecimal totalDue,
            List<org.jingzhun.core.policy.RuleFailure> failures, String sampleHouseholdId, String sampleHtml) {
    }

    /**
     * @param lines the poverty line by year the incomes are simulated against (the national pack's lines)
     */
    public DistrictDemo(Jingzhun jz, DemoClock clock, DistrictProfile profile, long seed, Map<Integer, BigDecimal> lines,
            PrintStream progress) {
        this.jz = jz;
        this.clock = clock;
        this.gen = new DistrictGenerator(profile, seed);
        this.lines = new TreeMap<>(lines);
        this.progress = progress;
        this.countyCode = gen.county();
        this.county = Principal.officer("county-poverty-office", countyCode);
        this.random = gen.random();
        this.funds = new DistrictFunds(jz, county, profile, seed);
        // Its own stream, so the monitoring and village choices leave the households' simulation unchanged.
        this.choices = new Random(seed ^ 0x5EEDL);
    }

    /**
     * The sector data push the demo's instance registers (部门筛查预警): a medical-insurance list of high
     * out-of-pocket hospital bills from 2019, about one person in 400 a year, picked by citizen ID.
     */
    public static MonitoringLeadSource sectorData() {
        return new MonitoringLeadSource() {
            @Override
            public String name() {
                return "demo-medical-insurance";
            }

            @Override
            public LeadSector sector() {
                return LeadSector.MEDICAL;
            }

            @Override
            public List<MonitoringLead> leads(Collection<CitizenId> ids, int year) {
                if (year < 2019) {
                    return List.of();
                }
                List<MonitoringLead> out = new ArrayList<>();
                for (CitizenId id : ids) {
                    if (Math.floorMod(id.value().hashCode() * 31 + year, 400) == 0) {
                        out.add(new MonitoringLead(name(), sector(), id, "住院自付费用超过 2 万元"));
                    }
                }
                return out;
            }
        };
    }

    /** Creates the calendar the demo's Jingzhun instance must be built with. */
    public static DemoClock newClock() {
        return new DemoClock(LocalDate.of(FIRST_YEAR, 3, 1));
    }

    /**
     * Runs 2014–2020.
     *
     * @throws IllegalStateException when the database already holds households of the county: the demo registers
     *         its district from scratch, so it needs a fresh database
     */
    public List<YearRow> run() {
        if (jz.registry().count(county, countyCode) > 0) {
            throw new IllegalStateException("The database already holds households of county " + countyCode
                    + "; the demo needs a fresh database (for the embedded default, delete ./data).");
        }
        List<YearRow> rows = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            long started = System.nanoTime();
            rows.add(runYear(year));
            progress.printf("  %d done in %.1f s%n", year, (System.nanoTime() - started) / 1e9);
        }
        return rows;
    }

    private YearRow runYear(int year) {
        clock.set(LocalDate.of(year, 3, 1));
        if (year == FIRST_YEAR) {
            registerBaseline();
        }
        RegionStatistics start = lastYearEnd != null ? lastYearEnd : jz.statistics().summary(county, countyCode);
        int idx = year - FIRST_YEAR;

        ReductionTarget target = setTarget(year, start, TARGET_SHARE[idx]);
        Set<String> planned = plannedHouseholds(year);
        if (!planned.isEmpty()) {
            step(year, "household plans");
            jz.plans().generateHouseholdPlans(county, countyCode, year, line(year), "年度帮扶计划");
        }

        clock.set(LocalDate.of(year, 10, 15));
        step(year, "measures and income survey");
        List<Household> everyone = everyone();
        Map<String, Household> plannedHouseholds = fixBasicNeeds(everyone, planned, year);
        everyone = everyone.stream().map(h -> plannedHouseholds.getOrDefault(h.id(), h)).toList();
        Set<String> relapsing = Set.of();
        if (year > FIRST_YEAR) {
            relapsing = year >= 2016 && year < LAST_YEAR ? pickRelapses(everyone) : Set.of();
            surveyIncomes(year, everyone, planned, relapsing);
        }

        if (year >= 2016) {
            step(year, "training");
            train(year, plannedHouseholds);
        }

        clock.set(LocalDate.of(year, 11, 1));
        int newHouseholds = identifyNewHouseholds(year, (int) Math.round(NEW_ENTRY_SHARE[idx]
                * gen.profile().poorHouseholds()));

        clock.set(LocalDate.of(year, 11, 20));
        step(year, "exit procedure");
        int[] exited = exit(year, plannedHouseholds);
        if (year >= 2018) {
            step(year, "village exits");
            exitVillages(year);
        }

        clock.set(LocalDate.of(year, 12, 20));
        step(year, "returns to poverty");
        int returned = 0;
        for (String id : relapsing) {
            jz.adjustments().returnToPoverty(county, id, year, "因病返贫：家庭成员患大病，人均纯收入低于当年扶贫标准");
            returned++;
        }
        if (year >= 2019) {
            step(year, "relapse monitoring");
            monitoringLeads(year, everyone, relapsing);
            jz.monitoring().flag(county, countyCode, year, "年度防返贫动态监测排查");
        }
        if (year == FIRST_YEAR || newHouseholds > 0 || returned > 0) {
            step(year, "cadre pairing");
            pairCadres(year);
        }
        // The year's money is booked at its close: the ledger refuses entries dated after the (simulated) clock.
        clock.set(LocalDate.of(year, 12, 31));
        step(year, "funds");
        funds.book(year, plannedHouseholds);
        if (year == CARD_YEAR) {
            step(year, "benefit statements (明白卡)");
            benefitCards = issueBenefitCards(year);
        }
        step(year, "year-end statistics");
        lastYearEnd = jz.statistics().summary(county, countyCode);
        YearFigures figures = jz.statistics().closeYear(county, countyCode, year);
        if (figures.exitedHouseholds() != exited[0] || figures.returnedHouseholds() != returned
                || figures.newHouseholds() != newHouseholds) {
            progress.printf("    note: the library counted %d exits, %d returns, %d new; the demo %d, %d, %d%n",
                    figures.exitedHouseholds(), figures.returnedHouseholds(), figures.newHouseholds(), exited[0],
                    returned, newHouseholds);
        }
        return new YearRow(figures, target == null ? 0 : target.households(), target == null ? 0 : target.people());
    }

    /**
     * Training from 2016 (培训): per township a skills course for one ordinary labourer of a few planned households
     * (most get a certificate, some a job), and a Yulu course for the planned households' vocational students.
     */
    private void train(int year, Map<String, Household> planned) {
        Map<RegionCode, List<Household>> byTownship = new TreeMap<>();
        for (Household h : planned.values()) {
            byTownship.computeIfAbsent(h.region().ancestorAt(RegionLevel.TOWNSHIP), t -> new ArrayList<>()).add(h);
        }
        LocalDate start = clock.today();
        for (Map.Entry<RegionCode, List<Household>> e : byTownship.entrySet()) {
            List<Household> hs = e.getValue().stream().sorted(java.util.Comparator.comparing(Household::id)).toList();
            Course skills = jz.training().createCourse(county, new Course(null, e.getKey(), year, TrainingKind.SKILLS,
                    year + "年贫困劳动力技能培训", "区人社局", 80, start, null), "年度培训计划");
            Course yulu = null;
            for (Household h : hs.subList(0, Math.min(5, hs.size()))) {
                Member labourer = h.members().stream().filter(m -> m.labourAbility() == LabourAbility.ORDINARY)
                        .findFirst().orElse(null);
                if (labourer != null) {
                    jz.training().enrol(county, skills.id(), h.id(), labourer.citizenId(), null, 0, "报名参训");
                    int hours = 60 + choices.nextInt(21);
                    boolean certified = choices.nextInt(10) < 8;
                    jz.training().complete(county, skills.id(), labourer.citizenId().value(), hours,
                            certified ? "职业技能等级证书(初级)" : null, certified && choices.nextBoolean()
                                    ? "池州经济技术开发区企业" : null, "结业");
                }
            }
            for (Household h : hs) {
                for (Member m : h.members()) {
                    if (m.studentStatus() == StudentStatus.SECONDARY_VOCATIONAL
                            || m.studentStatus() == StudentStatus.HIGHER_VOCATIONAL) {
                        if (yulu == null) {
                            yulu = jz.training().createCourse(county, new Course(null, e.getKey(), year,
                                    TrainingKind.YULU, year + "年雨露计划职业教育补助", "区扶贫办", 0, start, null),
                                    "雨露计划");
                        }
                        jz.training().enrol(county, yulu.id(), h.id(), m.citizenId(), m.studentStatus(), 2,
                                "雨露计划在读");
                    }
                }
            }
        }
    }

    /**
     * Village exit (贫困村出列) from 2018: every designated poor village whose incidence is under the threshold applies
     * with its indicators, passes the township's check and a notice, and the county approves it after the notice.
     */
    private void exitVillages(int year) {
        List<String> caseIds = new ArrayList<>();
        for (Region v : jz.regions().tree(county, countyCode).all()) {
            if (v.level() != RegionLevel.VILLAGE || !v.poor()) {
                continue;
            }
            VillageIndicators indicators = new VillageIndicators(BigDecimal.valueOf(50_000 + choices.nextInt(100_000)),
                    true, true, true, true);
            if (!jz.policies().areaExit(county, v.code(), year, indicators).positive()) {
                continue;
            }
            AreaExitCase c = jz.areaExits().apply(county, v.code(), year, indicators, "村两委申请贫困村出列");
            jz.areaExits().townshipCheck(county, c.id(), true, "乡镇初审：贫困发生率和出列指标达标");
            jz.areaExits().openNotice(county, c.id(), "出列公示");
            caseIds.add(c.id());
        }
        clock.advanceDays(8);
        for (String id : caseIds) {
            jz.areaExits().countyApprove(county, id, "县政府批复贫困村出列");
        }
        if (!caseIds.isEmpty()) {
            progress.printf("    %d poor villages left the list%n", caseIds.size());
        }
    }

    /**
     * The monitoring procedure from 2019 (防止返贫动态监测): sector leads from the registered data push, and cadre
     * visits to a few exited households, each verified, put on notice for five days, checked by the township and
     * decided by the county, with measures and a paired cadre; households decided a year ago whose income stayed
     * above the monitoring line have their risk cleared.
     */
    private void monitoringLeads(int year, List<Household> everyone, Set<String> relapsing) {
        for (MonitoringCase c : jz.monitoring().cases(county, countyCode, null)) {
            if (c.stage() == MonitoringStage.MONITORED && c.year() < year) {
                try {
                    jz.monitoring().clear(county, c.id(), year, "帮扶后收入稳定超过监测线，经县级审定风险消除");
                } catch (WorkflowException stillAtRisk) {
                    // Not yet stable or still under the line: it stays monitored.
                }
            }
        }
        List<MonitoringCase> leads = new ArrayList<>(jz.monitoring().collectLeads(county, countyCode, year));
        Set<String> monitored = new HashSet<>();
        jz.monitoring().list(county, countyCode).stream().filter(r -> r.clearedOn() == null)
                .forEach(r -> monitored.add(r.householdId()));
        leads.forEach(c -> monitored.add(c.householdId()));
        List<Household> exitedEarlier = everyone.stream().filter(h -> h.status() == PovertyStatus.EXITED
                && !relapsing.contains(h.id()) && !monitored.contains(h.id())).toList();
        int visits = Math.min(exitedEarlier.size(), Math.max(2, exitedEarlier.size() / 60));
        for (int i = 0; i < visits; i++) {
            Household h = exitedEarlier.get(choices.nextInt(exitedEarlier.size()));
            if (monitored.add(h.id())) {
                leads.add(jz.monitoring().report(county, h.id(), year, LeadKind.CADRE_VISIT, "帮扶干部",
                        "入户走访：家庭收入不稳定"));
            }
        }
        for (MonitoringCase c : leads) {
            MonitoringCategory category = c.kind() == LeadKind.SECTOR ? MonitoringCategory.SUDDEN_HARDSHIP
                    : MonitoringCategory.UNSTABLE_EXITED;
            jz.monitoring().verify(county, c.id(), category, true, "村级入户核实，拟纳入监测");
            jz.monitoring().openNotice(county, c.id(), "村内公示");
        }
        clock.advanceDays(5);
        String cadre = jz.pairing().cadres(county, countyCode).stream().map(Cadre::id).findFirst().orElse("C-00001");
        for (MonitoringCase c : leads) {
            jz.monitoring().townshipCheck(county, c.id(), true, "乡镇审核");
            jz.monitoring().countyDecide(county, c.id(), true, "县级确定监测对象");
            jz.monitoring().assist(county, c.id(), List.of("产业帮扶", "就业帮扶"), cadre, "结对帮扶干部",
                    "一户一策");
        }
        if (!leads.isEmpty()) {
            progress.printf("    %d monitoring leads decided%n", leads.size());
        }
    }

    /**
     * The 明白卡 of the first poor village with households for {@code year}, in one bulk evaluation, and one printable
     * card.
     */
    private BenefitCards issueBenefitCards(int year) {
        RegionCode village = null;
        org.jingzhun.core.policy.BulkBenefits bulk = null;
        for (Region r : regions) {
            if (r.poor() && r.level() == RegionLevel.VILLAGE) {
                village = r.code();
                bulk = jz.policies().benefitsWithin(county, village, year);
                if (!bulk.byHousehold().isEmpty()) {
                    break;
                }
            }
        }
        BigDecimal total = BigDecimal.ZERO;
        String sample = null;
        for (var e : bulk.byHousehold().entrySet()) {
            for (var line : e.getValue()) {
                if (line.amount() != null && line.amount().amount().signum() > 0) {
                    total = total.add(line.amount().amount());
                    sample = sample == null ? e.getKey() : sample;
                }
            }
        }
        if (sample == null && !bulk.byHousehold().isEmpty()) {
            sample = bulk.byHousehold().keySet().iterator().next(); // a card of "不享受" lines is a card too
        }
        String html = sample == null ? null
                : jz.benefits().statement(county, sample, year).toHtml(java.util.Locale.SIMPLIFIED_CHINESE);
        progress.printf("    明白卡 %d: village %s, %d households, %s yuan due, %d rule failures%n", year,
                village.value(), bulk.byHousehold().size(), total.toPlainString(), bulk.failures().size());
        return new BenefitCards(year, village, bulk.byHousehold().size(), total, bulk.failures(), sample, html);
    }

    /** The 明白卡 issued during the run (null before {@value #CARD_YEAR} is reached). */
    public BenefitCards benefitCards() {
        return benefitCards;
    }

    private void registerBaseline() {
        step(FIRST_YEAR, "regions and 建档立卡 registration");
        regions = gen.regions();
        jz.regions().define(county, regions, "统计用区划代码 2014");
        List<Household> baseline = gen.baselineHouseholds(regions);
        int batch = 1_000;
        List<IncomeStatement> incomes = new ArrayList<>();
        for (int i = 0; i < baseline.size(); i += batch) {
            List<Household> stored = jz.registry().registerAll(county,
                    baseline.subList(i, Math.min(baseline.size(), i + batch)), "2014年建档立卡");
            for (Household h : stored) {
                BigDecimal pc = gen.between(gen.profile().baselineIncomeFloor(), line(FIRST_YEAR).multiply(
                        new BigDecimal("0.97")));
                perCapita.put(h.id(), pc);
                incomes.add(gen.incomeAt(h, FIRST_YEAR, pc));
            }
            progress.printf("    registered %d/%d households%n", Math.min(baseline.size(), i + batch), baseline.size());
        }
        for (int i = 0; i < incomes.size(); i += batch) {
            jz.registry().recordIncomes(county, incomes.subList(i, Math.min(incomes.size(), i + batch)), "2014年收入调查");
        }
    }

    private ReductionTarget setTarget(int year, RegionStatistics start, double share) {
        if (share <= 0 || start.poorPeople() == 0) {
            return null;
        }
        step(year, "reduction target");
        int people = (int) Math.min(start.poorPeople(), Math.round(start.poorPeople() * share));
        int households = (int) Math.min(start.poorHouseholds(), Math.round(start.poorHouseholds() * share));
        ReductionTarget t = jz.targets().setCountyTarget(county, countyCode, year, households, people,
                year + "年减贫任务");
        jz.targets().decompose(county, countyCode, year, "分解到镇村户");
        return t;
    }

    private Set<String> plannedHouseholds(int year) {
        Set<String> planned = new HashSet<>();
        for (ReductionTarget t : jz.targets().targets(county, countyCode, year)) {
            planned.addAll(t.plannedHouseholds());
        }
        return planned;
    }

    /**
     * Measures close the basic-needs gaps of the households planned to exit: housing renovation (危房改造), safe
     * drinking water, and school enrolment of every child of compulsory-education age (控辍保学).
     */
    private Map<String, Household> fixBasicNeeds(List<Household> everyone, Set<String> planned, int year) {
        LocalDate schoolDay = LocalDate.of(year, 9, 1);
        Map<String, Household> out = new HashMap<>();
        List<Household> fixed = new ArrayList<>();
        for (Household h : everyone) {
            if (!planned.contains(h.id())) {
                continue;
            }
            out.put(h.id(), h);
            boolean unsafeHousing = h.housing() != null && h.housing().safety() != HousingSafety.SAFE;
            List<Member> members = new ArrayList<>();
            boolean enrolled = false;
            for (Member m : h.members()) {
                int age = m.citizenId().ageOn(schoolDay);
                StudentStatus due = age >= 6 && age <= 11 ? StudentStatus.PRIMARY
                        : age >= 12 && age <= 15 ? StudentStatus.GRADE_7_9 : null;
                if (due != null && m.studentStatus() != due) {
                    members.add(m.withStudentStatus(due));
                    enrolled = true;
                } else {
                    members.add(m);
                }
            }
            if (unsafeHousing || !h.safeDrinkingWater() || enrolled) {
                Household.Builder b = h.toBuilder().safeDrinkingWater(true).members(members);
                if (unsafeHousing) {
                    b.housing(new Housing(h.housing().area(), HousingStructure.BRICK_CONCRETE, year, HousingSafety.SAFE));
                }
                fixed.add(b.build());
            }
        }
        if (!fixed.isEmpty()) {
            for (Household h : jz.registry().amendAll(county, fixed, "帮扶措施落实：危房改造、饮水安全、控辍保学")) {
                out.put(h.id(), h);
            }
        }
        return out;
    }

    private Set<String> pickRelapses(List<Household> everyone) {
        Set<String> out = new HashSet<>();
        for (Household h : everyone) {
            if (h.status() == PovertyStatus.EXITED && !fellBack.contains(h.id()) && random.nextDouble() < gen.profile().relapseShare() * 4) {
                out.add(h.id());
            }
        }
        fellBack.addAll(out);
        return out;
    }

    private void surveyIncomes(int year, List<Household> everyone, Set<String> planned, Set<String> relapsing) {
        BigDecimal line = line(year);
        List<IncomeStatement> statements = new ArrayList<>();
        for (Household h : everyone) {
            if (!h.status().active() || h.status() == PovertyStatus.NON_POOR) {
                continue;
            }
            BigDecimal previous = perCapita.getOrDefault(h.id(), line.multiply(new BigDecimal("0.7")));
            BigDecimal pc;
            if (planned.contains(h.id())) {
                pc = line.multiply(BigDecimal.valueOf(1.45 + 0.85 * random.nextDouble()));
            } else if (relapsing.contains(h.id())) {
                pc = line.multiply(BigDecimal.valueOf(0.55 + 0.35 * random.nextDouble()));
            } else if (h.status().poor()) {
                pc = previous.multiply(BigDecimal.valueOf(1.03 + 0.07 * random.nextDouble()))
                        .min(line.multiply(new BigDecimal("0.97")));
            } else {
                pc = previous.multiply(BigDecimal.valueOf(1.06 + 0.08 * random.nextDouble()));
            }
            pc = pc.setScale(2, RoundingMode.HALF_UP);
            perCapita.put(h.id(), pc);
            statements.add(gen.incomeAt(h, year, pc));
        }
        for (int i = 0; i < statements.size(); i += 2_000) {
            jz.registry().recordIncomes(county, statements.subList(i, Math.min(statements.size(), i + 2_000)),
                    year + "年收入调查");
        }
    }

    /** New applicants go through the whole entry procedure; returns how many were registered. */
    private int identifyNewHouseholds(int year, int count) {
        if (count == 0) {
            return 0;
        }
        step(year, "identification of " + count + " applicants");
        BigDecimal line = line(year);
        // Applications, village and township steps are filed per township, as its office collects its villages'
        // results; the county approves the year's list at once.
        Map<RegionCode, List<IdentificationWorkflow.Application>> intake = new TreeMap<>();
        for (Household applicant : gen.newHouseholds(regions, count, year)) {
            BigDecimal pc = line.multiply(BigDecimal.valueOf(0.5 + 0.4 * random.nextDouble()))
                    .setScale(2, RoundingMode.HALF_UP);
            IncomeStatement income = gen.incomeAt(applicant.toBuilder().id("000000-0").build(), year, pc);
            intake.computeIfAbsent(applicant.region().ancestorAt(RegionLevel.TOWNSHIP), t -> new ArrayList<>())
                    .add(new IdentificationWorkflow.Application(applicant.toBuilder().identifiedYear(year).build(),
                            income));
        }
        List<IdentificationCase> cases = new ArrayList<>();
        for (List<IdentificationWorkflow.Application> applications : intake.values()) {
            try {
                cases.addAll(jz.identification().applyAll(county, year, applications, "农户申请"));
            } catch (JingzhunException refused) {
                // One bad application refuses its list: file that township's applications one by one instead.
                for (IdentificationWorkflow.Application a : applications) {
                    try {
                        cases.add(jz.identification().apply(county, year, a.applicant(), a.income(), "农户申请"));
                    } catch (JingzhunException e) {
                        progress.println("    application refused: " + e.getMessage());
                    }
                }
            }
        }
        Map<RegionCode, List<String>> byTownship = new TreeMap<>();
        for (IdentificationCase c : cases) {
            byTownship.computeIfAbsent(c.region().ancestorAt(RegionLevel.TOWNSHIP), t -> new ArrayList<>())
                    .add(c.id());
        }
        int members = 40;
        for (List<String> ids : byTownship.values()) {
            jz.identification().villageReviewAll(county, ids, new VillageVote(members - 3, 1, 2), "村民代表大会评议");
            jz.identification().openFirstNoticeAll(county, ids, "村内第一次公示");
        }
        clock.advanceDays(8);
        for (List<String> ids : byTownship.values()) {
            jz.identification().townshipReviewAll(county, ids, true, "乡镇审核通过");
            jz.identification().openSecondNoticeAll(county, ids, "乡镇第二次公示");
        }
        clock.advanceDays(8);
        int registered = 0;
        if (!cases.isEmpty()) {
            for (IdentificationCase done : jz.identification().countyApproveAll(county,
                    cases.stream().map(IdentificationCase::id).toList(), "区扶贫办审定并公告")) {
                if (done.householdId() != null) {
                    registered++;
                    perCapita.put(done.householdId(), done.income().perCapitaNetIncome());
                }
            }
        }
        return registered;
    }

    /**
     * The exit procedure for the planned households, one list per township as its office files its villages'
     * results: the assessment opens cases only for households that meet the exit criteria (the others stay poor and
     * are reported), then village review, notice, and after the notice days the announcement and delisting.
     */
    private int[] exit(int year, Map<String, Household> planned) {
        Map<RegionCode, List<String>> byTownship = new TreeMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        for (Household h : planned.values()) {
            byTownship.computeIfAbsent(h.region().ancestorAt(RegionLevel.TOWNSHIP), v -> new ArrayList<>())
                    .add(h.id());
            sizes.put(h.id(), h.size());
        }
        byTownship.values().forEach(java.util.Collections::sort);
        List<List<String>> casesByTownship = new ArrayList<>();
        int notMet = 0;
        for (List<String> ids : byTownship.values()) {
            ExitStart start = jz.exits().startAll(county, ids, year, "贫困户脱贫评估");
            for (var refused : start.notMet()) {
                if (notMet++ < 3) {
                    progress.println("    exit criteria not met: " + refused.householdId() + " "
                            + refused.decision().explanation().result());
                }
            }
            List<String> caseIds = start.started().stream().map(ExitCase::id).toList();
            if (!caseIds.isEmpty()) {
                jz.exits().villageReviewAll(county, caseIds, true, "村民主评议、村两委和驻村工作队核实");
                jz.exits().confirmAll(county, caseIds, "拟退出户签字认可");
                jz.exits().openNoticeAll(county, caseIds, "村内公示");
                casesByTownship.add(caseIds);
            }
        }
        clock.advanceDays(8);
        int households = 0;
        int people = 0;
        for (List<String> caseIds : casesByTownship) {
            for (ExitCase c : jz.exits().announceAll(county, caseIds, "公告退出，销号")) {
                households++;
                people += sizes.get(c.householdId());
            }
        }
        if (notMet > 0) {
            progress.printf("    %d planned households did not meet the exit criteria%n", notMet);
        }
        return new int[] {households, people};
    }

    /** Cadres from the helping units take the households no cadre covers yet (干部包户). */
    private void pairCadres(int year) {
        List<String> cadreIds = jz.pairing().cadres(county, countyCode).stream().map(Cadre::id).toList();
        if (cadreIds.isEmpty()) {
            List<Cadre> cadres = new ArrayList<>();
            int needed = Math.max(1, gen.profile().poorHouseholds() / 4 + 1);
            for (int i = 1; i <= needed; i++) {
                cadres.add(new Cadre(String.format("C-%05d", i), "帮扶干部" + i, CadreRole.UNIT_STAFF, null, countyCode,
                        6));
            }
            cadreIds = jz.pairing().saveCadres(county, cadres, "干部包户名单").stream().map(Cadre::id).toList();
        }
        jz.pairing().pairUnpaired(county, countyCode, cadreIds, clock.today(), "干部包户全覆盖");
    }

    private List<Household> everyone() {
        List<Household> out = new ArrayList<>();
        jz.registry().forEachWithin(county, countyCode, out::add);
        return out;
    }

    private BigDecimal line(int year) {
        BigDecimal l = lines.get(year);
        if (l == null) {
            l = ((TreeMap<Integer, BigDecimal>) lines).floorEntry(year).getValue();
        }
        return l;
    }

    private long stepStarted = System.nanoTime();

    private void step(int year, String what) {
        long now = System.nanoTime();
        progress.printf("  %d: %s (previous step %.1f s)%n", year, what, (now - stepStarted) / 1e9);
        stepStarted = now;
    }
}

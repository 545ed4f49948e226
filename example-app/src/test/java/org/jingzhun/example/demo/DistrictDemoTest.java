package org.jingzhun.example.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.core.funds.FundReport;
import org.jingzhun.core.funds.FundUseLine;
import org.jingzhun.core.funds.HouseholdFunds;
import org.jingzhun.core.funds.MicrocreditBalance;
import org.jingzhun.core.funds.MutualAidBalance;
import org.jingzhun.core.funds.ProjectBalance;
import org.jingzhun.core.funds.SourceBalance;
import org.jingzhun.core.identification.ExitCase;
import org.jingzhun.core.identification.ExitStage;
import org.jingzhun.example.district.DistrictProfile;
import org.jingzhun.policy.anhui.AnhuiPolicyPlugin;
import org.jingzhun.policy.national.NationalPolicyConfig;
import org.jingzhun.policy.national.NationalPolicyPlugin;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.funds.MicrocreditTerms;
import org.jingzhun.spi.funds.ProjectStatus;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.storage.jdbc.JdbcStoragePlugin;
import org.junit.jupiter.api.AfterAll;
import org.jingzhun.core.areaexit.AreaExitCase;
import org.jingzhun.core.areaexit.AreaExitStage;
import org.jingzhun.core.monitoring.LeadKind;
import org.jingzhun.core.monitoring.MonitoringCase;
import org.jingzhun.core.monitoring.MonitoringStage;
import org.jingzhun.core.monitoring.MonitoringStatistics;
import org.jingzhun.core.statistics.YearFigures;
import org.jingzhun.core.training.TrainingKind;
import org.jingzhun.core.training.TrainingStatistics;
import org.jingzhun.spi.policy.MonitoringCategory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small district (about 300 households) run through the demo's own code on embedded H2: the yearly table (the
 * library's year-end figures) keeps its invariants, every exit went through the exit criteria, the poor villages
 * leave through the village exit procedure, monitoring leads become monitored households, and the money booked each
 * year never overspends and adds up across areas.
 */
class DistrictDemoTest {
    private static final RegionCode COUNTY = RegionCode.of("341702");
    private static final Principal OFFICE = Principal.officer("test-office", COUNTY);
    private static Jingzhun jz;
    private static List<YearRow> rows;
    private static DistrictDemo.BenefitCards cards;
    private static String progress;

    @BeforeAll
    static void runSmallDistrict() {
        NationalPolicyConfig national = NationalPolicyConfig.defaults();
        DemoClock clock = DistrictDemo.newClock();
        jz = Jingzhun.builder()
                .plugin(new JdbcStoragePlugin())
                .plugin(new NationalPolicyPlugin(national))
                .plugin(new AnhuiPolicyPlugin(org.jingzhun.policy.anhui.AnhuiPolicyConfig.defaults()
                        .withEffectiveFrom(java.time.LocalDate.of(2014, 1, 1))))
                .monitoringLeadSource(DistrictDemo.sectorData())
                .storage("jdbc", Map.of("url", "jdbc:h2:mem:demo-test;DB_CLOSE_DELAY=-1"))
                .clock(clock)
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DistrictDemo demo = new DistrictDemo(jz, clock, DistrictProfile.guichi().scaled(0.02), 7L, national.lines(),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        rows = demo.run();
        cards = demo.benefitCards();
        progress = out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void issuesThe2016BenefitStatementsOfAPoorVillageWithNoRuleFailing() {
        assertThat(cards.year()).isEqualTo(2016);
        assertThat(cards.households()).isPositive();
        // The demo records no medical costs, students or outputs, so what is due comes from its microloans only.
        assertThat(cards.totalDue()).isNotNegative();
        assertThat(cards.failures()).isEmpty();
        assertThat(cards.sampleHtml()).contains("明白卡").contains(cards.sampleHouseholdId()).contains("<table");
        assertThat(progress).contains("明白卡 2016: village " + cards.village().value());
    }

    @AfterAll
    static void close() {
        jz.close();
    }

    @Test
    void runsEveryYearFrom2014To2020AndShowsProgress() {
        assertThat(rows).extracting(YearRow::year).containsExactly(2014, 2015, 2016, 2017, 2018, 2019, 2020);
        assertThat(rows.get(0).registeredHouseholds()).isBetween(280L, 340L);
        assertThat(progress).contains("2014: regions and 建档立卡 registration").contains("2020 done in");
    }

    @Test
    void incidenceFallsToZeroAndStartsNearGuichisBaseline() {
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).incidencePercent()).as("incidence %d", rows.get(i).year())
                    .isLessThan(rows.get(i - 1).incidencePercent());
        }
        assertThat(rows.get(0).incidencePercent().doubleValue()).isBetween(6.0, 8.5);
        assertThat(rows.get(rows.size() - 1).poorPeople()).isZero();
        assertThat(rows.get(rows.size() - 1).incidencePercent()).isEqualByComparingTo("0");
    }

    @Test
    void exitsNeverExceedThePoorAndTheTableAddsUp() {
        for (int i = 1; i < rows.size(); i++) {
            YearRow before = rows.get(i - 1);
            YearRow r = rows.get(i);
            long poorDuringYear = before.poorHouseholds() + r.newHouseholds();
            assertThat(r.exitedHouseholds()).as("exits %d", r.year()).isLessThanOrEqualTo((int) poorDuringYear);
            assertThat(r.exitedHouseholds()).isLessThanOrEqualTo(r.targetHouseholds());
            // Poor households at year end = poor at start + new + returned - exited.
            assertThat(r.poorHouseholds()).as("balance %d", r.year())
                    .isEqualTo(poorDuringYear + r.returnedHouseholds() - r.exitedHouseholds());
            assertThat(r.registeredHouseholds()).isEqualTo(before.registeredHouseholds() + r.newHouseholds());
        }
    }

    @Test
    void everyExitedHouseholdPassedTheExitCriteria() {
        List<ExitCase> exits = jz.exits().list(OFFICE, COUNTY, null).stream()
                .filter(c -> c.stage() == ExitStage.EXITED).toList();
        int totalExits = rows.stream().mapToInt(YearRow::exitedHouseholds).sum();
        assertThat(exits).hasSize(totalExits);
        for (ExitCase c : exits) {
            assertThat(c.assessment().positive()).as("case %s", c.id()).isTrue();
            assertThat(jz.policies().householdExit(OFFICE, c.householdId(), c.year()).positive())
                    .as("re-checked exit of %s in %d", c.householdId(), c.year()).isTrue();
        }
        long exitedNow = jz.registry().search(OFFICE, COUNTY, org.jingzhun.spi.storage.PageRequest.first(10_000))
                .items().stream().filter(h -> h.status() == PovertyStatus.EXITED).count();
        assertThat(exitedNow).isLessThanOrEqualTo(totalExits);
    }

    @Test
    void everyPoorVillageLeavesThroughTheVillageExitProcedureFrom2018() {
        long designated = DistrictProfile.guichi().scaled(0.02).poorVillages();
        List<AreaExitCase> villageExits = jz.areaExits().list(OFFICE, COUNTY, null);
        assertThat(villageExits).as(progress).hasSize((int) designated).allSatisfy(c -> {
            assertThat(c.stage()).isEqualTo(AreaExitStage.EXITED);
            assertThat(c.year()).isBetween(2018, 2020);
            assertThat(c.decision().positive()).isTrue();
            assertThat(c.facts().incidencePercent()).isLessThan(new java.math.BigDecimal("2"));
        });
        assertThat(villageExits.stream().filter(c -> c.year() <= 2019).count()).as(progress)
                .isGreaterThanOrEqualTo(designated / 2);
        assertThat(rows.stream().mapToLong(r -> r.figures().villagesExited()).sum()).isEqualTo(designated);
        assertThat(rows.get(rows.size() - 1).figures().poorVillages()).isZero();
        assertThat(jz.statistics().breakdown(OFFICE, COUNTY)).noneMatch(r -> r.poorVillage());
    }

    @Test
    void monitoringLeadsFromCadreVisitsAndSectorDataBecomeMonitoredHouseholds() {
        List<MonitoringCase> cases = jz.monitoring().cases(OFFICE, COUNTY, null);
        assertThat(cases).as(progress).extracting(MonitoringCase::kind).contains(LeadKind.CADRE_VISIT);
        assertThat(cases).allSatisfy(c -> {
            assertThat(c.stage()).isIn(MonitoringStage.MONITORED, MonitoringStage.RISK_CLEARED);
            assertThat(c.plan()).isNotNull();
            assertThat(c.steps()).extracting(s -> s.action()).startsWith("REPORT", "VERIFY", "OPEN_NOTICE",
                    "TOWNSHIP_PASS", "COUNTY_DECIDE", "ASSIST");
        });
        assertThat(jz.monitoring().overdue(OFFICE, COUNTY, java.time.LocalDate.of(2021, 1, 1))).isEmpty();
        MonitoringStatistics stats = jz.monitoring().statistics(OFFICE, COUNTY);
        assertThat(stats.monitoredTotal()).isEqualTo(rows.get(rows.size() - 1).monitoredHouseholds());
        assertThat(rows.get(rows.size() - 1).monitoredHouseholds()).isPositive();
        for (MonitoringCategory category : MonitoringCategory.values()) {
            assertThat(jz.monitoring().list(OFFICE, COUNTY, category))
                    .allSatisfy(r -> assertThat(r.category()).isEqualTo(category));
        }
        assertThat(jz.statistics().series(OFFICE, COUNTY)).extracting(YearFigures::year)
                .containsExactly(2014, 2015, 2016, 2017, 2018, 2019, 2020);
    }

    @Test
    void labourersAndYuluStudentsAreTrainedFrom2016() {
        for (YearRow r : rows) {
            assertThat(r.figures().peopleTrained()).as("trained %d", r.year()).isEqualTo(r.year() < 2016 ? 0
                    : jz.training().courses(OFFICE, COUNTY, r.year()).stream()
                            .flatMap(c -> c.participants().stream()).map(p -> p.citizenId()).distinct().count());
        }
        TrainingStatistics t2016 = jz.training().statistics(OFFICE, COUNTY, 2016);
        assertThat(t2016.participants().get(TrainingKind.SKILLS)).isPositive();
        assertThat(t2016.completed()).isGreaterThanOrEqualTo(t2016.participants().get(TrainingKind.SKILLS));
        assertThat(t2016.certificates()).isPositive();
    }

    // ---------------------------------------------------------------- funds

    @Test
    void theFundsStepRunsEveryYear() {
        for (int year = 2014; year <= 2020; year++) {
            assertThat(progress).contains(year + ": funds");
        }
    }

    @Test
    void noSourceOrProjectIsOverspent() {
        List<SourceBalance> sources = jz.funds().sources(OFFICE, COUNTY, null);
        assertThat(sources).hasSizeGreaterThan(7 * 5);
        for (SourceBalance s : sources) {
            String what = "source " + s.source().id() + " " + s.source().name();
            assertThat(s.allocated()).as(what).isBetween(BigDecimal.ZERO, s.source().amount());
            assertThat(s.allocated().add(s.unallocated())).as(what).isEqualByComparingTo(s.source().amount());
            assertThat(s.disbursed()).as(what).isBetween(BigDecimal.ZERO, s.allocated());
        }
        List<ProjectBalance> projects = jz.funds().projects(OFFICE, COUNTY, null);
        assertThat(projects).hasSizeGreaterThan(7 * 10);
        for (ProjectBalance p : projects) {
            String what = "project " + p.project().id() + " " + p.project().name();
            assertThat(p.allocated()).as(what).isBetween(BigDecimal.ZERO, p.project().budget());
            assertThat(p.disbursed()).as(what).isBetween(BigDecimal.ZERO, p.allocated());
            assertThat(p.undisbursed()).as(what).isEqualByComparingTo(p.allocated().subtract(p.disbursed()));
            if (p.project().year() < 2020) {
                // Last year's projects are paid up early the next year and closed.
                assertThat(p.project().status()).as(what).isEqualTo(ProjectStatus.COMPLETED);
            }
        }
        for (int year = 2014; year <= 2020; year++) {
            FundReport r = jz.funds().report(OFFICE, COUNTY, year);
            List<FundUseLine> lines = new ArrayList<>(r.byKind());
            lines.addAll(r.bySource());
            lines.addAll(r.byArea());
            lines.add(r.sourcesTotal());
            for (FundUseLine l : lines) {
                assertThat(l.disbursementRate()).as("%d %s", year, l.label()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
                assertThat(l.disbursed()).as("%d %s", year, l.label()).isLessThanOrEqualTo(l.allocated());
                assertThat(l.allocated()).as("%d %s", year, l.label()).isLessThanOrEqualTo(l.received());
            }
        }
    }

    @Test
    void mostOfAYearsMoneyIsSpentAndALittleCarriedOver() {
        for (int year = 2014; year <= 2020; year++) {
            FundUseLine total = jz.funds().report(OFFICE, COUNTY, year).sourcesTotal();
            assertThat(total.received()).as("money of %d", year).isPositive();
            double rate = total.disbursementRate().doubleValue();
            // Earlier years are paid up except what was never allocated; the last year still has its tails.
            assertThat(rate).as("disbursement rate %d", year).isBetween(year < 2020 ? 0.95 : 0.80, 0.999);
        }
    }

    @Test
    void fundReportTotalsAddUpAcrossAreas() {
        for (int year = 2014; year <= 2020; year++) {
            FundReport county = jz.funds().report(OFFICE, COUNTY, year);
            FundUseLine total = county.sourcesTotal();
            assertSums("kinds " + year, county.byKind(), total);
            assertSums("sources " + year, county.bySource(), total);
            // Every source's money went to projects of its own year, all placed inside the county.
            assertThat(sum(county.byArea(), FundUseLine::allocated)).as("areas %d", year)
                    .isEqualByComparingTo(total.allocated())
                    .isEqualByComparingTo(sumProjects(county.projects(), ProjectBalance::allocated));
            assertThat(sum(county.byArea(), FundUseLine::disbursed)).isEqualByComparingTo(total.disbursed())
                    .isEqualByComparingTo(sumProjects(county.projects(), ProjectBalance::disbursed));
            BigDecimal townshipsAllocated = BigDecimal.ZERO;
            BigDecimal townshipsDisbursed = BigDecimal.ZERO;
            for (FundUseLine area : county.byArea()) {
                RegionCode code = RegionCode.of(area.key());
                if (code.level() != RegionLevel.TOWNSHIP) {
                    assertThat(code).as("county-level projects are keyed by the county").isEqualTo(COUNTY);
                    continue;
                }
                FundReport town = jz.funds().report(OFFICE, code, year);
                assertThat(sumProjects(town.projects(), ProjectBalance::allocated)).as("%s %d", code, year)
                        .isEqualByComparingTo(area.allocated())
                        .isEqualByComparingTo(sum(town.byArea(), FundUseLine::allocated));
                assertThat(sumProjects(town.projects(), ProjectBalance::disbursed)).isEqualByComparingTo(area.disbursed());
                assertThat(town.projects()).allMatch(p -> code.contains(p.project().region()));
                townshipsAllocated = townshipsAllocated.add(area.allocated());
                townshipsDisbursed = townshipsDisbursed.add(area.disbursed());
            }
            BigDecimal countyLevel = sumProjects(county.projects().stream()
                    .filter(p -> p.project().region().equals(COUNTY)).toList(), ProjectBalance::allocated);
            assertThat(townshipsAllocated.add(countyLevel)).as("townships + county %d", year)
                    .isEqualByComparingTo(total.allocated());
        }
    }

    @Test
    void householdsMutualAidAndMicrocreditLookReal() {
        MicrocreditTerms terms = MicrocreditTerms.standard2016();
        List<MicrocreditBalance> loans = jz.funds().microcredits(OFFICE, COUNTY);
        assertThat(loans).hasSizeGreaterThanOrEqualTo(6);
        for (MicrocreditBalance l : loans) {
            assertThat(l.loan().principal()).isLessThanOrEqualTo(terms.maxPrincipal());
            assertThat(l.loan().termMonths()).isLessThanOrEqualTo(36);
            assertThat(l.loan().annualRate()).isEqualByComparingTo(l.loan().termMonths() <= 12 ? "0.0435" : "0.0475");
            if (!l.loan().maturity().isAfter(java.time.LocalDate.of(2020, 12, 31))) {
                assertThat(l.defaulted() || l.outstanding().signum() == 0).as("loan %s closed", l.loan().id()).isTrue();
            }
        }
        assertThat(loans).filteredOn(MicrocreditBalance::defaulted).isNotEmpty()
                .allMatch(l -> l.compensated().compareTo(l.outstanding().multiply(new BigDecimal("0.80"))) == 0);
        assertThat(loans.stream().filter(MicrocreditBalance::defaulted).count()).isLessThan(loans.size() / 5 + 1);

        List<MutualAidBalance> aid = jz.funds().mutualAidFunds(OFFICE, COUNTY);
        assertThat(aid).hasSize(DistrictProfile.guichi().poorVillages());
        for (MutualAidBalance m : aid) {
            assertThat(m.fiscalCapital()).isPositive();
            assertThat(m.available()).isEqualByComparingTo(m.capital().subtract(m.outstanding())).isNotNegative();
        }
        assertThat(aid).anyMatch(m -> m.feeIncome().signum() > 0).anyMatch(m -> m.memberCapital().signum() > 0);

        // Money reached households planned to exit: industry awards and 雨露计划 payments.
        List<String> paid = jz.funds().entries(OFFICE, COUNTY, 2017).stream()
                .filter(e -> e.householdId() != null && e.payee() != null).map(e -> e.householdId()).distinct().toList();
        assertThat(paid).isNotEmpty();
        for (String id : paid) {
            HouseholdFunds f = jz.funds().household(OFFICE, id, 2017);
            assertThat(f.total()).isPositive();
            assertThat(f.disbursements().stream().map(d -> d.amount()).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .add(f.subsidies().stream().map(s -> s.subsidy()).reduce(BigDecimal.ZERO, BigDecimal::add)))
                    .isEqualByComparingTo(f.total());
        }
    }

    private static void assertSums(String what, List<FundUseLine> lines, FundUseLine total) {
        assertThat(sum(lines, FundUseLine::received)).as(what + " received").isEqualByComparingTo(total.received());
        assertThat(sum(lines, FundUseLine::allocated)).as(what + " allocated").isEqualByComparingTo(total.allocated());
        assertThat(sum(lines, FundUseLine::disbursed)).as(what + " disbursed").isEqualByComparingTo(total.disbursed());
    }

    private static BigDecimal sum(List<FundUseLine> lines, Function<FundUseLine, BigDecimal> field) {
        return lines.stream().map(field).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal sumProjects(List<ProjectBalance> projects, Function<ProjectBalance, BigDecimal> field) {
        return projects.stream().map(field).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void tableIsWrittenAsCsv(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("years.csv");
        YearTable.writeCsv(rows, file);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(r).getRecords();
            assertThat(records).hasSize(7);
            assertThat(records.get(6).get("year")).isEqualTo("2020");
            assertThat(records.get(6).get("poor_people")).isEqualTo("0");
        }
    }
}

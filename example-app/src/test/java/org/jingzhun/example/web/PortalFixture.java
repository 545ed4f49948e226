package org.jingzhun.example.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.core.Versioned;
import org.jingzhun.example.demo.DistrictFunds;
import org.jingzhun.example.district.DistrictGenerator;
import org.jingzhun.example.district.DistrictProfile;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.funds.LedgerEntry;
import org.jingzhun.spi.funds.PayeeKind;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.plan.HouseholdPlan;
import org.jingzhun.spi.plan.MeasureStatus;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.storage.PageRequest;
import org.jingzhun.storage.memory.MemoryStoragePlugin;
import org.jingzhun.core.identification.IdentificationCase;
import org.jingzhun.policy.anhui.AnhuiPolicyConfig;
import org.jingzhun.policy.anhui.AnhuiPolicyPlugin;
import org.jingzhun.policy.national.NationalPolicyConfig;
import org.jingzhun.policy.national.NationalPolicyPlugin;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;

/**
 * A small generated district (Guichi shape at 1%) in memory storage for the portal tests: regions, the 2014 baseline
 * households, incomes for 2014 and 2015 of the first households, one household whose phone was amended and one that
 * exited, so the card, incomes and history pages all have something to show. For the funds page and the card's plans
 * and money, households 3 to 40 get a 2015 plan and the demo's own {@link DistrictFunds} books 2014 and 2015 with
 * them as the households planned to exit (the amended household stays out of it: its history is pinned by tests).
 * For sign-in there is one user per role ({@link #PASSWORD} for all), and for the clerk's work one household of
 * {@link #village} has applied for registration this year ({@link #applied}), and two exited households of it may
 * become monitoring leads. The county's 2014 and 2015 figures are closed (2014 before the amendments). The library
 * follows {@link #clock}.
 */
final class PortalFixture implements AutoCloseable {
    final Jingzhun jz;
    final DistrictGenerator generator;
    final List<Region> regions;
    final Principal officer;
    /** The household whose phone was amended (history: register, record-income ×2, amend). */
    final Household amended;
    final String oldPhone;
    final Household exited;
    /** Households with a 2015 plan, the "planned to exit" of the funds booking. */
    final List<Household> planned;
    /** A planned household that was paid money in 2015, whose first measure has a progress note. */
    final Household funded;
    static final String NOTE = "种苗已发放到户";
    static final String PASSWORD = "Test-pass-2026";
    final TestClock clock = new TestClock(java.time.Instant.now());
    final RegionCode township;
    final RegionCode otherTownship;
    final RegionCode village;
    final UsersFile users;
    /** An entry case opened this year in {@link #village}, waiting for the village review. */
    final IdentificationCase applied;
    /** Exited households of {@link #village} without any monitoring case, for leads entered in the tests. */
    final Household monitoringCandidate;
    final Household secondCandidate;

    PortalFixture() {
        // The demo's own packs: the district books microcredit from 2015, and the Anhui pack is the only home of its
        // interest subsidy.
        jz = Jingzhun.builder().plugin(new MemoryStoragePlugin())
                .plugin(new org.jingzhun.exchange.xlsx.XlsxExchangePlugin())
                .plugin(new org.jingzhun.exchange.csv.CsvExchangePlugin())
                .plugin(new org.jingzhun.exchange.json.JsonExchangePlugin()).plugin(new NationalPolicyPlugin(
                NationalPolicyConfig.defaults())).plugin(new AnhuiPolicyPlugin(AnhuiPolicyConfig.defaults()
                        .withEffectiveFrom(java.time.LocalDate.of(2014, 1, 1))))
                .storage("memory").clock(clock).build();
        generator = new DistrictGenerator(DistrictProfile.guichi().scaled(0.01), 20140101L);
        officer = Principal.officer("county-officer", generator.county());
        regions = generator.regions();
        jz.regions().define(officer, regions, "division list 2014");
        List<Household> stored = jz.registry().registerAll(officer, generator.baselineHouseholds(regions),
                "2014 baseline registration");
        List<IncomeStatement> incomes = new ArrayList<>();
        for (Household h : stored.subList(0, 10)) {
            incomes.add(generator.incomeAt(h, 2014, new BigDecimal("2100.00")));
            incomes.add(generator.incomeAt(h, 2015, new BigDecimal("3050.50")));
        }
        jz.registry().recordIncomes(officer, incomes, "2014/2015 income survey");
        // The 2014 figures are frozen before the amendments below, so the two closed years differ.
        jz.statistics().closeYear(officer, generator.county(), 2014);
        Household first = stored.get(0);
        oldPhone = first.phone();
        amended = jz.registry().amend(officer, first.toBuilder().phone("13912345678").build(),
                "phone number changed");
        Household second = stored.get(1);
        exited = jz.registry().amend(officer, second.toBuilder().status(PovertyStatus.EXITED).build(),
                "2015 exit verified");

        planned = stored.subList(2, 40);
        Map<String, Household> plannedById = new LinkedHashMap<>();
        for (Household h : planned) {
            jz.plans().createHouseholdPlan(officer, h.id(), 2015, new BigDecimal("3500.00"), "2015年一户一策");
            plannedById.put(h.id(), h);
        }
        DistrictFunds funds = new DistrictFunds(jz, officer, generator.profile(), 20140101L);
        funds.book(2014, Map.of());
        funds.book(2015, plannedById);
        String paid = jz.funds().entries(officer, generator.county(), 2015).stream()
                .filter(e -> e.payee() != null && e.payee().kind() == PayeeKind.HOUSEHOLD)
                .map(LedgerEntry::householdId).sorted().findFirst().orElseThrow();
        funded = jz.registry().get(officer, paid);
        Versioned<HouseholdPlan> plan = jz.plans().householdPlan(officer, paid, 2015).orElseThrow();
        jz.plans().recordMeasureProgress(officer, paid, 2015, plan.value().measures().get(0).id(),
                MeasureStatus.IN_PROGRESS, NOTE, plan.version());

        List<Region> townships = regions.stream().filter(r -> r.level() == RegionLevel.TOWNSHIP).toList();
        township = townships.get(0).code();
        otherTownship = townships.get(1).code();
        village = regions.stream().filter(r -> r.level() == RegionLevel.VILLAGE && township.contains(r.code()))
                .findFirst().orElseThrow().code();
        String hash = UsersFile.hash(PASSWORD);
        users = new UsersFile(List.of(
                new PortalUser("county", "县扶贫办 王主任", Role.COUNTY_OFFICER, generator.county(), hash),
                new PortalUser("viewer", "县统计局 查看员", Role.VIEWER, generator.county(), hash),
                new PortalUser("auditor", "县审计局 审计员", Role.AUDITOR, generator.county(), hash),
                new PortalUser("township", "乡镇 李专干", Role.TOWNSHIP_CLERK, township, hash),
                new PortalUser("townviewer", "乡镇 查看员", Role.VIEWER, township, hash),
                new PortalUser("village", "村 张书记", Role.VILLAGE_CADRE, village, hash)));
        int year = java.time.LocalDate.now(clock).getYear();
        Household applicant = generator.newHouseholds(List.of(regions.stream()
                .filter(r -> r.code().equals(village)).findFirst().orElseThrow()), 1, year).get(0);
        applied = jz.identification().apply(officer, year, applicant,
                generator.incomeAt(applicant, year, new BigDecimal("1800.00")), "农户申请");
        // Monitoring leads are for households no longer counted poor: two exited households of the village, outside
        // the funds booking and the pinned history.
        List<Household> inVillage = stored.subList(40, stored.size()).stream()
                .filter(h -> h.region().equals(village)).limit(2).toList();
        monitoringCandidate = jz.registry().amend(officer, jz.registry().get(officer, inVillage.get(0).id())
                .toBuilder().status(PovertyStatus.EXITED).build(), "2015 exit verified");
        secondCandidate = jz.registry().amend(officer, jz.registry().get(officer, inVillage.get(1).id())
                .toBuilder().status(PovertyStatus.EXITED).build(), "2015 exit verified");
        jz.statistics().closeYear(officer, generator.county(), 2015);
    }

    /** A portal on a free loopback port with the fixture's users, shaped further by {@code options}. */
    PortalServer start(java.util.function.UnaryOperator<PortalServer.Options> options) {
        return PortalServer.start(jz, options.apply(PortalServer.Options.defaults(users).withPort(0)));
    }

    /** Every household of the county, read back from the registry. */
    List<Household> households() {
        return jz.registry().search(officer, generator.county(), PageRequest.first(PageRequest.MAX_LIMIT)).items();
    }

    @Override
    public void close() {
        jz.close();
    }
}

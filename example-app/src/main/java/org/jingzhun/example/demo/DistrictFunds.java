package org.jingzhun.example.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.core.funds.FundsService;
import org.jingzhun.core.funds.MicrocreditBalance;
import org.jingzhun.example.district.DistrictProfile;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.funds.AidProject;
import org.jingzhun.spi.funds.Allocation;
import org.jingzhun.spi.funds.Disbursement;
import org.jingzhun.spi.funds.Donor;
import org.jingzhun.spi.funds.DonorKind;
import org.jingzhun.spi.funds.FundSource;
import org.jingzhun.spi.funds.FundSourceKind;
import org.jingzhun.spi.funds.LoanPurpose;
import org.jingzhun.spi.funds.Microcredit;
import org.jingzhun.spi.funds.MicrocreditTerms;
import org.jingzhun.spi.funds.MutualAidFund;
import org.jingzhun.spi.funds.MutualAidLoan;
import org.jingzhun.spi.funds.Payee;
import org.jingzhun.spi.funds.ProjectCategory;
import org.jingzhun.spi.funds.ProjectClaim;
import org.jingzhun.spi.funds.ProjectStatus;
import org.jingzhun.spi.funds.RiskCompensationFund;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.region.RegionTree;
import org.jingzhun.spi.storage.PageRequest;

/**
 * Books a plausible year of poverty-alleviation money (扶贫资金) for the demo district through {@code jz.funds()}
 * only, one call of {@link #book} per year after the exit procedure:
 * <ul>
 * <li>fund sources: the four levels of fiscal special funds, integrated sector funds from 2016 (统筹整合), a helping
 * unit's money for every poor village, and from 2015 one or two donors claiming a village project (项目认领);</li>
 * <li>projects: one infrastructure or industry project in every poor village, housing renovation in every township,
 * industry awards paid to a sample of the households planned to exit that year (到户产业奖补), 雨露计划 payments
 * to a few households with a vocational student, health, employment, and financial projects at county level;</li>
 * <li>allocations of about 98.5% of the county's money (the rest stays unallocated), disbursed at 75–98% within the
 * year (households, the mutual-aid funds and the risk fund in full); the rest of a project is paid early the next
 * year (工程尾款) and the project is then marked completed;</li>
 * <li>a mutual-aid fund in every poor village (互助资金, 2014) with members' contributions, a loan or two a year and
 * the repayment of last year's loans with the fee;</li>
 * <li>from 2015 poverty microcredit (扶贫小额信贷) to a sample of the planned households under the county's risk
 * compensation fund: at most 50,000 yuan for at most 36 months at the benchmark rate, repaid at maturity except for
 * an occasional default that the risk fund compensates; the year's interest subsidy is paid to the bank.</li>
 * </ul>
 * Amounts follow the district's scale; everything is deterministic for a seed. At full scale a year costs about
 * 400 funds calls, which keeps the step to a few seconds.
 */
public final class DistrictFunds {
    private static final int FIRST_YEAR = 2014;
    /** Guichi-sized fiscal money by year 2014..2020 in 万元: central, provincial, municipal, county, integrated. */
    private static final int[][] COUNTY_MONEY_WAN = {
        {900, 450, 100, 300, 0},
        {1200, 600, 150, 400, 0},
        {1800, 900, 250, 800, 3000},
        {2400, 1200, 300, 1200, 4000},
        {2800, 1400, 350, 1500, 4500},
        {2600, 1300, 300, 1400, 4000},
        {2400, 1200, 300, 1300, 3500}};
    private static final FundSourceKind[] COUNTY_KINDS = {FundSourceKind.CENTRAL_FISCAL,
        FundSourceKind.PROVINCIAL_FISCAL, FundSourceKind.MUNICIPAL_FISCAL, FundSourceKind.COUNTY_FISCAL,
        FundSourceKind.INTEGRATED_SECTOR};
    /** Day of the year each county source arrives (month, day), in the order of {@link #COUNTY_KINDS}. */
    private static final int[][] ARRIVAL = {{3, 15}, {4, 10}, {5, 8}, {3, 1}, {6, 1}};
    /** Share of the county's money allocated to projects; the rest stays in the sources (结转). */
    private static final double ALLOCATED_SHARE = 0.985;
    private static final double AWARD_SHARE = 0.015;
    private static final double YULU_SHARE = 0.004;
    private static final double MICROCREDIT_SHARE = 0.008;
    private static final BigDecimal MUTUAL_AID_MAX_LOAN = new BigDecimal("10000.00");
    private static final BigDecimal MUTUAL_AID_FEE_RATE = new BigDecimal("0.06");
    private static final BigDecimal RISK_COVERAGE = new BigDecimal("0.80");
    private static final String LENDER = "池州农商银行贵池支行";
    private static final String[] UNITS = {"池州市财政局", "池州市发展和改革委员会", "池州市农业委员会", "国网池州供电公司",
        "池州市人民检察院", "贵池区委组织部", "池州市交通运输局", "池州市国土资源局", "池州学院", "池州市烟草专卖局",
        "贵池区人民法院", "池州市水利局", "中国银行池州分行", "池州市卫生和计划生育委员会"};
    private static final String[] CONTRACTORS = {"池州市平天建筑工程有限公司", "安徽九华路桥建设有限公司",
        "池州市秋浦水利工程有限公司", "贵池区杏花村建筑安装有限公司", "安徽皖南市政工程有限公司", "池州市清溪建设有限公司"};
    private static final String[] DONORS = {"安徽天方茶业（集团）有限公司", "池州市九华山旅游发展股份有限公司",
        "安徽省扶贫开发协会", "池州市慈善总会", "安徽贵池农村商业银行", "池州市光彩事业促进会"};
    private static final DonorKind[] DONOR_KINDS = {DonorKind.ENTERPRISE, DonorKind.ENTERPRISE,
        DonorKind.ORGANISATION, DonorKind.ORGANISATION, DonorKind.ENTERPRISE, DonorKind.ORGANISATION};
    private static final String[] INFRASTRUCTURE = {"村组道路硬化工程", "安全饮水巩固提升工程", "农田水利当家塘整治工程",
        "村级文化活动广场建设", "通组道路及桥涵工程"};
    private static final String[] INDUSTRY = {"村级光伏电站建设", "茶叶基地提质扩面", "特色种养业基地建设", "扶贫车间建设",
        "村集体经济油茶基地"};
    private static final LoanPurpose[] PURPOSES = {LoanPurpose.PLANTING, LoanPurpose.BREEDING, LoanPurpose.PROCESSING,
        LoanPurpose.RURAL_TOURISM, LoanPurpose.COMMERCE};

    private final Jingzhun jz;
    private final FundsService funds;
    private final Principal office;
    private final RegionCode county;
    private final String countyName;
    private final double scale;
    private final Random random;

    private List<Region> townships;
    private List<Region> poorVillages;
    private final Map<RegionCode, String> names = new HashMap<>();
    private final Map<RegionCode, VillageFund> mutualAid = new LinkedHashMap<>();
    private final List<AidLoan> openLoans = new ArrayList<>();
    private final List<Credit> credits = new ArrayList<>();
    /** Whether the mutual-aid funds wait for their fiscal capital (paid in the year they open). */
    private boolean seedsDue;
    private String riskFundId;
    private BigDecimal riskBalance = BigDecimal.ZERO;
    private int creditsIssued;
    /** Last year's projects with money still to pay or a status to close, and who gets it. */
    private List<Open> open = new ArrayList<>();
    private final List<YearBook> booked = new ArrayList<>();
    private Counts n;

    /**
     * @param office a principal with FINANCE over the county (the demo's county poverty office)
     * @param seed   the demo's seed; the funds draw from their own random stream so the rest of the run is unchanged
     */
    public DistrictFunds(Jingzhun jz, Principal office, DistrictProfile profile, long seed) {
        this.jz = jz;
        this.funds = jz.funds();
        this.office = office;
        this.county = RegionCode.of(profile.countyCode());
        this.countyName = profile.countyName();
        this.scale = profile.poorHouseholds() / (double) DistrictProfile.guichi().poorHouseholds();
        this.random = new Random(seed * 1_000_003L + 17);
    }

    /** What was booked in a year: counts of records and of funds calls. */
    public record YearBook(int year, int sources, int projects, int allocations, int disbursements,
            int householdPayments, int mutualAidLoans, int microcredits, int defaults, int writes, int reads) {
    }

    /** The years booked so far. */
    public List<YearBook> booked() {
        return List.copyOf(booked);
    }

    /**
     * Books the money of {@code year}.
     *
     * @param planned the households planned to exit this year (by id), as they stood at the exit procedure
     */
    public YearBook book(int year, Map<String, Household> planned) {
        n = new Counts();
        if (townships == null) {
            readRegions();
        }
        List<Household> plannedList = new ArrayList<>(new TreeMap<>(planned).values());
        if (mutualAid.isEmpty()) {
            openMutualAidFunds(year);
        }
        if (riskFundId == null && year > FIRST_YEAR) {
            RiskCompensationFund rf = funds.addRiskFund(office, new RiskCompensationFund(null, county,
                    countyName + "扶贫小额信贷风险补偿金", LENDER, RISK_COVERAGE, MicrocreditTerms.standard2016()),
                    "设立扶贫小额信贷风险补偿金");
            n.writes++;
            riskFundId = rf.id();
        }
        finishLastYear(year);
        BigDecimal subsidy = BigDecimal.ZERO;
        BigDecimal riskDeposit = BigDecimal.ZERO;
        if (riskFundId != null) {
            closeMaturingCredits(year);
            issueCredits(year, plannedList);
            subsidy = interestSubsidy(year);
            riskDeposit = riskTopUp();
        }

        List<Source> sources = countySources(year);
        Map<RegionCode, Source> unitMoney = unitSources(year);
        BigDecimal countyMoney = sources.stream().map(s -> s.remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Spec> specs = projectSpecs(year, plannedList, countyMoney, subsidy, riskDeposit, unitMoney);
        List<Open> thisYear = new ArrayList<>();
        for (Spec spec : specs) {
            AidProject p = funds.addProject(office, new AidProject(null, spec.region, spec.name, spec.category, year,
                    spec.budget(), spec.owner, LocalDate.of(year, 12, 31), ProjectStatus.IN_PROGRESS,
                    spec.beneficiaries), year + "年度扶贫项目库入库");
            n.writes++;
            n.projects++;
            spec.id = p.id();
            spec.project = p;
            allocate(year, spec, sources, unitMoney.get(spec.region));
            thisYear.add(pay(year, spec));
        }
        lendMutualAid(year);
        List<Open> next = new ArrayList<>();
        for (Open o : thisYear) {
            if (o.undisbursed.signum() > 0 && o.payee != null) {
                next.add(o);
            } else {
                complete(o.project);
            }
        }
        open = next;
        YearBook b = new YearBook(year, n.sources, n.projects, n.allocations, n.disbursements, n.households,
                n.mutualAidLoans, n.microcredits, n.defaults, n.writes, n.reads);
        booked.add(b);
        return b;
    }

    // ---------------------------------------------------------------- set-up

    private void readRegions() {
        RegionTree tree = jz.regions().tree(office, county);
        tree.all().forEach(r -> names.put(r.code(), r.name()));
        townships = tree.within(county, RegionLevel.TOWNSHIP).stream()
                .sorted(Comparator.comparing(r -> r.code().value())).toList();
        poorVillages = tree.within(county, RegionLevel.VILLAGE).stream().filter(Region::poor)
                .sorted(Comparator.comparing(r -> r.code().value())).toList();
    }

    /** A mutual-aid fund in every poor village, its first members, and the fiscal capital it will receive. */
    private void openMutualAidFunds(int year) {
        for (Region v : poorVillages) {
            MutualAidFund f = funds.addMutualAidFund(office, new MutualAidFund(null, v.code(), v.name()
                    + "扶贫互助资金协会", LocalDate.of(year, 6, 1), MUTUAL_AID_MAX_LOAN, 12), "贫困村互助资金试点");
            n.writes++;
            List<String> candidates = new ArrayList<>();
            jz.registry().search(office, v.code(), PageRequest.first(12)).items().forEach(h -> candidates.add(h.id()));
            n.reads++;
            VillageFund vf = new VillageFund(f.id(), v.code(), candidates);
            vf.seed = yuan(Math.max(20_000, 250_000 * scale * between(0.8, 1.2)));
            mutualAid.put(v.code(), vf);
            seedsDue = true;
        }
    }

    // ---------------------------------------------------------------- last year's projects

    private void finishLastYear(int year) {
        for (Open o : open) {
            funds.disburse(office, Disbursement.of(o.project.id(), o.payee, o.undisbursed,
                    date(year, 3, 10, 5, 20), "工程尾款（含质保金）"), "项目竣工验收，支付尾款");
            n.writes++;
            n.disbursements++;
            complete(o.project);
        }
        open = new ArrayList<>();
    }

    private void complete(AidProject project) {
        funds.updateProject(office, project.withStatus(ProjectStatus.COMPLETED), "项目竣工验收");
        n.writes++;
    }

    // ---------------------------------------------------------------- microcredit

    private void closeMaturingCredits(int year) {
        for (Credit c : credits) {
            if (c.closed || c.maturity.getYear() != year) {
                continue;
            }
            c.closed = true;
            BigDecimal compensation = c.principal.multiply(RISK_COVERAGE).setScale(2, RoundingMode.HALF_UP);
            if (c.defaults && riskBalance.compareTo(compensation) >= 0) {
                LocalDate day = c.maturity.plusDays(45);
                MicrocreditBalance b = funds.declareDefault(office, c.id,
                        day.getYear() > year ? LocalDate.of(year, 12, 28) : day, "逾期未还，经催收无果，启动风险补偿");
                riskBalance = riskBalance.subtract(b.compensated());
                n.defaults++;
            } else {
                funds.repayMicrocredit(office, c.id, c.principal, c.maturity, "到期还本");
            }
            n.writes++;
        }
    }

    /** The bank lends at the benchmark rate of the term (4.35% up to a year, 4.75% up to three years in 2015–2019). */
    private static final java.util.function.IntFunction<BigDecimal> BANK_RATE = term -> new BigDecimal(
            term <= 12 ? "0.0435" : "0.0475");

    private void issueCredits(int year, List<Household> planned) {
        int count = Math.min(planned.size(), Math.max(2, (int) Math.round(planned.size() * MICROCREDIT_SHARE)));
        MicrocreditTerms terms = MicrocreditTerms.standard2016();
        for (Household h : pick(planned, count)) {
            LocalDate start = date(year, 3, 15, 9, 30);
            Member borrower = borrower(h, start, terms);
            if (borrower == null) {
                continue;
            }
            int r = random.nextInt(10);
            int term = r < 6 ? 36 : r < 8 ? 24 : 12;
            BigDecimal principal = yuan(new int[] {10_000, 20_000, 30_000, 30_000, 50_000}[random.nextInt(5)]);
            Microcredit loan = funds.issueMicrocredit(office, Microcredit.of(h.id(), borrower.citizenId(), riskFundId,
                    principal, BANK_RATE.apply(term), start, term, PURPOSES[random.nextInt(PURPOSES.length)]),
                    "扶贫小额信贷：5万元以下、3年期以内、免担保免抵押、基准利率放贷、财政贴息");
            n.writes++;
            n.microcredits++;
            credits.add(new Credit(loan, creditsIssued++ % 17 == 3));
        }
    }

    private static Member borrower(Household h, LocalDate on, MicrocreditTerms terms) {
        Member fallback = null;
        for (Member m : h.members()) {
            int age = m.citizenId().ageOn(on);
            if (age >= terms.minAge() && age <= terms.maxAge()) {
                if (m.relationship() == org.jingzhun.spi.household.Relationship.HEAD) {
                    return m;
                }
                fallback = fallback == null ? m : fallback;
            }
        }
        return fallback;
    }

    /** The interest subsidy of every loan running in the year, as the library computes it. */
    private BigDecimal interestSubsidy(int year) {
        BigDecimal total = BigDecimal.ZERO;
        for (Credit c : credits) {
            if (c.maturity.getYear() < year || c.start.getYear() > year) {
                continue;
            }
            total = total.add(funds.interestSubsidy(office, c.id, year).subsidy());
            n.reads++;
        }
        return total;
    }

    /** Tops the risk fund up to a tenth of the outstanding principal, at least 50,000 yuan (scaled). */
    private BigDecimal riskTopUp() {
        BigDecimal outstanding = credits.stream().filter(c -> !c.closed).map(c -> c.principal)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal target = yuan(Math.max(Math.max(50_000, 2_000_000 * scale), outstanding.doubleValue() * 0.12));
        BigDecimal topUp = target.subtract(riskBalance);
        return topUp.compareTo(new BigDecimal("1000")) < 0 ? BigDecimal.ZERO : topUp;
    }

    // ---------------------------------------------------------------- sources

    private List<Source> countySources(int year) {
        int idx = Math.max(0, Math.min(year - FIRST_YEAR, COUNTY_MONEY_WAN.length - 1));
        String prefix = countyName.substring(0, 1);
        List<Source> out = new ArrayList<>();
        for (int k = 0; k < COUNTY_KINDS.length; k++) {
            int wan = COUNTY_MONEY_WAN[idx][k];
            if (wan == 0) {
                continue;
            }
            BigDecimal amount = yuan(Math.max(20_000, wan * 10_000.0 * scale * between(0.96, 1.04)));
            FundSourceKind kind = COUNTY_KINDS[k];
            String doc = switch (kind) {
                case CENTRAL_FISCAL, PROVINCIAL_FISCAL -> "皖财农〔" + year + "〕" + (100 + random.nextInt(900)) + "号";
                case MUNICIPAL_FISCAL -> "池财农〔" + year + "〕" + (10 + random.nextInt(90)) + "号";
                case COUNTY_FISCAL -> prefix + "财农〔" + year + "〕" + (1 + random.nextInt(60)) + "号";
                default -> prefix + "政办〔" + year + "〕" + (1 + random.nextInt(60)) + "号";
            };
            String grantor = switch (kind) {
                case CENTRAL_FISCAL -> "财政部、国务院扶贫办";
                case PROVINCIAL_FISCAL -> "安徽省财政厅";
                case MUNICIPAL_FISCAL -> "池州市财政局";
                case COUNTY_FISCAL -> countyName + "财政局";
                default -> countyName + "人民政府（涉农资金统筹整合）";
            };
            out.add(addSource(kind, doc + " " + year + "年" + kind.label(), year, amount, county, grantor,
                    LocalDate.of(year, ARRIVAL[k][0], ARRIVAL[k][1])));
        }
        if (seedsDue) {
            BigDecimal seeds = mutualAid.values().stream().map(v -> v.seed).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (seeds.signum() > 0) {
                out.add(addSource(FundSourceKind.PROVINCIAL_FISCAL, "皖财农〔" + year + "〕" + (100 + random.nextInt(900))
                        + "号 贫困村互助资金", year, seeds, county, "安徽省财政厅", LocalDate.of(year, 5, 20)));
            }
        }
        return out;
    }

    private Map<RegionCode, Source> unitSources(int year) {
        Map<RegionCode, Source> out = new HashMap<>();
        for (int i = 0; i < poorVillages.size(); i++) {
            Region v = poorVillages.get(i);
            String unit = UNITS[i % UNITS.length];
            BigDecimal amount = yuan(Math.max(5_000, 350_000 * scale * between(0.6, 1.4)));
            out.put(v.code(), addSource(FundSourceKind.UNIT_PAIRING, unit + "定点帮扶" + v.name() + year + "年资金", year,
                    amount, v.code(), unit, date(year, 4, 1, 5, 31)));
        }
        return out;
    }

    private Source addSource(FundSourceKind kind, String name, int year, BigDecimal amount, RegionCode scope,
            String grantor, LocalDate received) {
        FundSource s = funds.addSource(office, FundSource.of(kind, name, year, amount, scope, grantor, received),
                "资金到账登记");
        n.writes++;
        n.sources++;
        return new Source(s.id(), received, amount);
    }

    // ---------------------------------------------------------------- projects

    private List<Spec> projectSpecs(int year, List<Household> planned, BigDecimal countyMoney, BigDecimal subsidy,
            BigDecimal riskDeposit, Map<RegionCode, Source> unitMoney) {
        List<Spec> fixed = new ArrayList<>();
        // Money for households: industry awards to a sample of the households planned to exit, by township.
        int awards = Math.min(planned.size(), Math.max(3, (int) Math.round(planned.size() * AWARD_SHARE)));
        Map<RegionCode, Spec> byTown = new TreeMap<>(Comparator.comparing(RegionCode::value));
        for (Household h : pick(planned, awards)) {
            RegionCode town = h.region().ancestorAt(RegionLevel.TOWNSHIP);
            Spec s = byTown.computeIfAbsent(town, t -> new Spec(t, year + "年" + names.getOrDefault(t, t.value())
                    + "到户产业奖补", ProjectCategory.INDUSTRY, names.getOrDefault(t, t.value()) + "人民政府", Kind.HOUSEHOLDS,
                    "特色种养业到户奖补"));
            BigDecimal award = yuan(1_000 + 500 * random.nextInt(9));
            s.householdPayments.put(h.id(), award);
            s.fiscal = s.fiscal.add(award);
        }
        fixed.addAll(byTown.values());
        // 雨露计划: households with a member of vocational-school age.
        int yulu = Math.max(1, (int) Math.round(planned.size() * YULU_SHARE));
        Spec education = new Spec(county, year + "年雨露计划职业教育补助", ProjectCategory.EDUCATION, countyName + "扶贫开发局",
                Kind.HOUSEHOLDS, "雨露计划职业教育补助（春秋两学期）");
        for (Household h : planned) {
            if (education.householdPayments.size() >= yulu) {
                break;
            }
            LocalDate day = LocalDate.of(year, 9, 1);
            if (h.members().stream().anyMatch(m -> m.citizenId().ageOn(day) >= 16 && m.citizenId().ageOn(day) <= 19)
                    && random.nextInt(3) == 0) {
                education.householdPayments.put(h.id(), yuan(3_000));
                education.fiscal = education.fiscal.add(yuan(3_000));
            }
        }
        if (!education.householdPayments.isEmpty()) {
            fixed.add(education);
        }
        // Financial services: mutual-aid capital (2014), the risk fund and the interest subsidy.
        Spec finance = new Spec(county, year + "年金融扶贫（互助资金、风险补偿金、小额信贷贴息）", ProjectCategory.FINANCE,
                countyName + "扶贫开发局", Kind.FINANCE, null);
        if (seedsDue) {
            mutualAid.values().forEach(v -> finance.fiscal = finance.fiscal.add(v.seed));
        }
        finance.riskDeposit = riskDeposit;
        finance.subsidy = subsidy.setScale(2, RoundingMode.HALF_UP);
        finance.fiscal = finance.fiscal.add(riskDeposit).add(finance.subsidy);
        if (finance.fiscal.signum() > 0) {
            fixed.add(finance);
        }

        // The rest of the county's money by weight: villages, township housing, health, employment.
        List<Spec> flexible = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < poorVillages.size(); i++) {
            Region v = poorVillages.get(i);
            boolean infra = (i + year) % 2 == 0;
            String[] titles = infra ? INFRASTRUCTURE : INDUSTRY;
            Spec s = new Spec(v.code(), year + "年" + v.name() + titles[random.nextInt(titles.length)],
                    infra ? ProjectCategory.INFRASTRUCTURE : ProjectCategory.INDUSTRY,
                    names.getOrDefault(v.code().ancestorAt(RegionLevel.TOWNSHIP), "") + "人民政府", Kind.SUPPLIER,
                    infra ? "工程进度款" : "产业项目建设款");
            s.payee = contractor();
            Source unit = unitMoney.get(v.code());
            s.unit = unit == null ? BigDecimal.ZERO : unit.remaining;
            for (Household h : planned) {
                if (h.region().equals(v.code())) {
                    s.beneficiaries.add(h.id());
                }
            }
            flexible.add(s);
            weights.add(3.0 * between(0.7, 1.3));
        }
        for (Region t : townships) {
            Spec s = new Spec(t.code(), year + "年" + t.name() + "农村危房改造", ProjectCategory.HOUSING,
                    countyName + "住房和城乡建设局", Kind.SUPPLIER, "危房改造工程款");
            s.payee = contractor();
            flexible.add(s);
            weights.add(1.6 * between(0.7, 1.3));
        }
        Spec health = new Spec(county, year + "年健康脱贫综合医疗保障（351、180）", ProjectCategory.HEALTH,
                countyName + "卫生和计划生育委员会", Kind.SUPPLIER, "健康脱贫兜底保障资金");
        health.payee = new Payee(org.jingzhun.spi.funds.PayeeKind.OTHER, null, countyName + "新型农村合作医疗管理中心");
        flexible.add(health);
        weights.add(4.0);
        Spec jobs = new Spec(county, year + "年就业扶贫（扶贫车间奖补、技能培训）", ProjectCategory.EMPLOYMENT,
                countyName + "人力资源和社会保障局", Kind.SUPPLIER, "就业扶贫奖补及培训补贴");
        jobs.payee = new Payee(org.jingzhun.spi.funds.PayeeKind.OTHER, null, countyName + "公共就业服务中心");
        flexible.add(jobs);
        weights.add(2.5);

        BigDecimal fixedTotal = fixed.stream().map(s -> s.fiscal).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal rest = countyMoney.multiply(BigDecimal.valueOf(ALLOCATED_SHARE)).subtract(fixedTotal);
        double weightTotal = weights.stream().mapToDouble(Double::doubleValue).sum();
        for (int i = 0; i < flexible.size(); i++) {
            Spec s = flexible.get(i);
            s.fiscal = rest.signum() <= 0 ? BigDecimal.ZERO
                    : yuan(Math.floor(rest.doubleValue() * weights.get(i) / weightTotal / 100) * 100);
        }
        // One or two donors claim part of a village project (项目认领), from 2015.
        if (year > FIRST_YEAR && !poorVillages.isEmpty()) {
            int claims = 1 + random.nextInt(2);
            for (int c = 0; c < claims; c++) {
                Spec s = flexible.get(random.nextInt(poorVillages.size()));
                if (s.donation.signum() == 0) {
                    s.donation = yuan(Math.max(5_000, 300_000 * scale * between(0.5, 1.5)));
                    int d = random.nextInt(DONORS.length);
                    s.donor = new Donor(DONOR_KINDS[d], DONORS[d], null);
                }
            }
        }
        List<Spec> out = new ArrayList<>(fixed);
        flexible.stream().filter(s -> s.budget().signum() > 0).forEach(out::add);
        return out;
    }

    /**
     * Allocates the project's money: the helping unit's and the donor's first, so that the year's payments, which
     * draw on a project's allocations oldest first, spend them before the fiscal money.
     */
    private void allocate(int year, Spec spec, List<Source> sources, Source unit) {
        if (spec.unit.signum() > 0 && unit != null) {
            funds.allocate(office, new Allocation(unit.id, spec.id, spec.unit, unit.received.plusDays(7)),
                    "帮扶单位资金安排到村项目");
            n.writes++;
            n.allocations++;
            unit.remaining = unit.remaining.subtract(spec.unit);
            spec.allocated = spec.allocated.add(spec.unit);
        }
        if (spec.donation.signum() > 0) {
            LocalDate day = date(year, 3, 1, 4, 15);
            ProjectClaim claim = funds.claimProject(office, ProjectClaim.of(spec.id, spec.donor, spec.donation, day,
                    "社会扶贫项目认领"), "企业、社会组织认领扶贫项目");
            funds.receiveDonation(office, claim.id(), spec.donation, day.plusDays(20), "认领资金到账");
            n.writes += 2;
            n.allocations++;
            n.sources++;
            spec.allocated = spec.allocated.add(spec.donation);
        }
        BigDecimal need = spec.fiscal;
        for (Source s : sources) {
            if (need.signum() <= 0) {
                break;
            }
            BigDecimal take = need.min(s.remaining);
            if (take.signum() <= 0) {
                continue;
            }
            funds.allocate(office, new Allocation(s.id, spec.id, take, s.received.plusDays(10)), "资金分配下达");
            n.writes++;
            n.allocations++;
            s.remaining = s.remaining.subtract(take);
            need = need.subtract(take);
            spec.allocated = spec.allocated.add(take);
        }
    }

    /** Pays what the project pays this year; returns what is left for next year. */
    private Open pay(int year, Spec spec) {
        BigDecimal allocated = spec.allocated;
        BigDecimal paid = BigDecimal.ZERO;
        switch (spec.kind) {
            case HOUSEHOLDS -> {
                for (Map.Entry<String, BigDecimal> e : spec.householdPayments.entrySet()) {
                    if (paid.add(e.getValue()).compareTo(allocated) > 0) {
                        break;
                    }
                    funds.disburse(office, Disbursement.of(spec.id, Payee.household(e.getKey()), e.getValue(),
                            date(year, 10, 10, 11, 30), spec.purpose), "经村级公示、乡镇审核，资金直接打卡到户");
                    n.writes++;
                    n.disbursements++;
                    n.households++;
                    paid = paid.add(e.getValue());
                }
            }
            case FINANCE -> {
                if (seedsDue) {
                    for (VillageFund v : mutualAid.values()) {
                        paid = paid.add(payFinance(spec, Payee.mutualAidFund(v.fundId), v.seed,
                                LocalDate.of(year, 6, 15), "村级互助资金财政注资"));
                        v.available = v.available.add(v.seed);
                    }
                    seedsDue = false;
                }
                if (spec.riskDeposit.signum() > 0) {
                    paid = paid.add(payFinance(spec, Payee.riskFund(riskFundId), spec.riskDeposit,
                            LocalDate.of(year, 7, 1), "扶贫小额信贷风险补偿金注资"));
                    riskBalance = riskBalance.add(spec.riskDeposit);
                }
                if (spec.subsidy.signum() > 0) {
                    paid = paid.add(payFinance(spec, Payee.lender(LENDER), spec.subsidy, LocalDate.of(year, 12, 20),
                            "扶贫小额信贷财政贴息"));
                }
            }
            default -> {
                double rate = spec.region.level() == RegionLevel.VILLAGE ? between(0.75, 0.95) : between(0.85, 0.98);
                BigDecimal amount = allocated.multiply(BigDecimal.valueOf(rate)).setScale(0, RoundingMode.DOWN)
                        .setScale(2);
                if (amount.signum() > 0) {
                    funds.disburse(office, Disbursement.of(spec.id, spec.payee, amount, date(year, 8, 1, 12, 20),
                            spec.purpose), "按工程进度和合同约定拨付");
                    n.writes++;
                    n.disbursements++;
                    paid = amount;
                }
            }
        }
        return new Open(spec.project, spec.payee, allocated.subtract(paid));
    }

    private BigDecimal payFinance(Spec spec, Payee payee, BigDecimal amount, LocalDate day, String purpose) {
        funds.disburse(office, Disbursement.of(spec.id, payee, amount, day, purpose), "金融扶贫资金拨付");
        n.writes++;
        n.disbursements++;
        return amount;
    }

    // ---------------------------------------------------------------- mutual aid

    /** Repayments of last year's loans with the fee, a new member, and a loan or two in every poor village. */
    private void lendMutualAid(int year) {
        for (AidLoan l : openLoans) {
            BigDecimal fee = l.amount.multiply(MUTUAL_AID_FEE_RATE).setScale(2, RoundingMode.HALF_UP);
            funds.repayMutualAid(office, l.id, l.amount, fee, l.date.plusMonths(12), "到期还款并缴纳占用费");
            n.writes++;
            VillageFund v = mutualAid.get(l.village);
            v.available = v.available.add(l.amount).add(fee);
        }
        openLoans.clear();
        for (VillageFund v : mutualAid.values()) {
            int join = v.members.isEmpty() ? 3 : 1;
            for (int i = 0; i < join && v.members.size() < v.candidates.size(); i++) {
                String h = v.candidates.get(v.members.size());
                BigDecimal share = yuan(random.nextBoolean() ? 1_000 : 2_000);
                funds.contribute(office, v.fundId, h, share, date(year, 6, 16, 6, 25), "农户自愿入股");
                n.writes++;
                v.members.add(h);
                v.available = v.available.add(share);
            }
            int loans = v.members.isEmpty() ? 0 : 1 + random.nextInt(2);
            for (int i = 0; i < loans; i++) {
                BigDecimal amount = yuan(1_000 * (3 + random.nextInt(8))).min(v.available)
                        .setScale(-3, RoundingMode.DOWN).setScale(2);
                if (amount.signum() <= 0) {
                    break;
                }
                String h = v.members.get(random.nextInt(v.members.size()));
                MutualAidLoan loan = funds.lend(office, MutualAidLoan.of(v.fundId, h, amount,
                        date(year, 7, 1, 7, 31), 12, PURPOSES[random.nextInt(2)]), "理事会审批，发展生产");
                n.writes++;
                n.mutualAidLoans++;
                v.available = v.available.subtract(amount);
                openLoans.add(new AidLoan(loan.id(), v.village, amount, loan.date()));
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private List<Household> pick(List<Household> from, int count) {
        List<Household> copy = new ArrayList<>(from);
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(count, copy.size()));
    }

    private Payee contractor() {
        int i = random.nextInt(CONTRACTORS.length);
        return Payee.supplier(String.format("91341700MA2N%06d", 100_000 + i * 7_919), CONTRACTORS[i]);
    }

    private double between(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    private LocalDate date(int year, int fromMonth, int fromDay, int toMonth, int toDay) {
        LocalDate from = LocalDate.of(year, fromMonth, fromDay);
        long days = LocalDate.of(year, toMonth, toDay).toEpochDay() - from.toEpochDay();
        return from.plusDays(random.nextInt((int) days + 1));
    }

    /** Whole yuan (rounded down to 100 above 10,000) at scale 2. */
    private static BigDecimal yuan(double value) {
        long v = (long) Math.floor(value);
        if (v > 10_000) {
            v = v / 100 * 100;
        }
        return BigDecimal.valueOf(v).setScale(2);
    }

    private enum Kind { HOUSEHOLDS, SUPPLIER, FINANCE }

    private static final class Counts {
        int sources;
        int projects;
        int allocations;
        int disbursements;
        int households;
        int mutualAidLoans;
        int microcredits;
        int defaults;
        int writes;
        int reads;
    }

    private static final class Spec {
        final RegionCode region;
        final String name;
        final ProjectCategory category;
        final String owner;
        final Kind kind;
        final String purpose;
        final List<String> beneficiaries = new ArrayList<>();
        final Map<String, BigDecimal> householdPayments = new LinkedHashMap<>();
        BigDecimal fiscal = BigDecimal.ZERO;
        BigDecimal unit = BigDecimal.ZERO;
        BigDecimal donation = BigDecimal.ZERO;
        BigDecimal riskDeposit = BigDecimal.ZERO;
        BigDecimal subsidy = BigDecimal.ZERO;
        Donor donor;
        Payee payee;
        BigDecimal allocated = BigDecimal.ZERO;
        String id;
        AidProject project;

        Spec(RegionCode region, String name, ProjectCategory category, String owner, Kind kind, String purpose) {
            this.region = region;
            this.name = name;
            this.category = category;
            this.owner = owner;
            this.kind = kind;
            this.purpose = purpose;
        }

        BigDecimal budget() {
            return fiscal.add(unit).add(donation).setScale(2, RoundingMode.HALF_UP);
        }

    }

    private static final class Source {
        final String id;
        final LocalDate received;
        BigDecimal remaining;

        Source(String id, LocalDate received, BigDecimal amount) {
            this.id = id;
            this.received = received;
            this.remaining = amount;
        }
    }

    private static final class VillageFund {
        final String fundId;
        final RegionCode village;
        final List<String> candidates;
        final List<String> members = new ArrayList<>();
        BigDecimal seed = BigDecimal.ZERO;
        BigDecimal available = BigDecimal.ZERO;

        VillageFund(String fundId, RegionCode village, List<String> candidates) {
            this.fundId = fundId;
            this.village = village;
            this.candidates = candidates;
        }
    }

    private record AidLoan(String id, RegionCode village, BigDecimal amount, LocalDate date) {
    }

    private record Open(AidProject project, Payee payee, BigDecimal undisbursed) {
    }

    private static final class Credit {
        final String id;
        final BigDecimal principal;
        final LocalDate start;
        final LocalDate maturity;
        final boolean defaults;
        boolean closed;

        Credit(Microcredit loan, boolean defaults) {
            this.id = loan.id();
            this.principal = loan.principal();
            this.start = loan.start();
            this.maturity = loan.maturity();
            this.defaults = defaults;
        }
    }
}

package org.jingzhun.example.district;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jingzhun.spi.household.Education;
import org.jingzhun.spi.household.HealthStatus;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.HouseholdType;
import org.jingzhun.spi.household.Housing;
import org.jingzhun.spi.household.HousingSafety;
import org.jingzhun.spi.household.HousingStructure;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.Insurance;
import org.jingzhun.spi.household.LabourAbility;
import org.jingzhun.spi.household.LandHolding;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.MigrantWork;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.household.StudentStatus;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;

/**
 * Generates a Guichi-shaped sample district from a fixed seed: the same seed always gives the same district.
 *
 * <p>The distributions are plausible, not measured, and documented here so a reader can judge them:
 * <ul>
 * <li>Townships carry names of Guichi's rural towns; village names are synthetic. Township codes 100+ (towns),
 *     village codes 201+ (villagers' committees). Poor villages are spread round-robin over the townships.</li>
 * <li>Rural population is split over villages with ±30% noise; poor households are drawn three times as often in a
 *     poor village as elsewhere.</li>
 * <li>Household size 1–6 with shares 27/31/22/12/6/2% (mean ≈ 2.45, matching 38,400 people in 15,428 households).</li>
 * <li>Main cause shares, following what poverty offices reported nationally and the article's emphasis on illness
 *     and schooling: illness 40%, disability 12%, lack of labour 11%, lack of skills 10%, lack of capital 8%,
 *     schooling 6%, disaster 3%, poor transport 3%, lack of motivation 3%, lack of land 2%, lack of water 1%,
 *     other 1%. About a third of households have a second cause.</li>
 * <li>Basic-needs gaps in 2014: 9% C/D-level dilapidated housing, 4% unsafe drinking water.</li>
 * <li>2014 per-capita net income between the floor and the 2014 line (uniform), itemised as wages, production,
 *     transfers (low-allowance households get 低保), minus production costs.</li>
 * </ul>
 */
public final class DistrictGenerator {
    private static final String[] TOWNSHIPS = {"殷汇镇", "牛头山镇", "涓桥镇", "梅街镇", "棠溪镇", "梅村镇", "乌沙镇", "唐田镇",
        "牌楼镇", "马衙街道", "里山街道", "墩上街道"};
    private static final String[] SYLLABLES_A = {"石", "柏", "桃", "源", "刘", "金", "清", "双", "合", "长", "龙", "黄",
        "杨", "松", "百", "高", "新", "太", "东", "西"};
    private static final String[] SYLLABLES_B = {"门", "溪", "坑", "冲", "岭", "山", "湖", "田", "桥", "街", "河", "塘",
        "林", "坝", "庄", "安", "丰", "和", "岗", "口"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "吴", "汪", "方", "程", "章", "胡",
        "何", "徐", "查", "姚", "檀", "桂", "钱"};
    private static final String[] GIVEN = {"大山", "建国", "秀英", "桂兰", "国庆", "红梅", "德胜", "玉珍", "明", "春生", "小军",
        "丽", "文华", "金花", "志强", "永福", "慧", "淑芬", "长青", "晓东"};

    private final DistrictProfile profile;
    private final Random random;
    private final Set<String> usedIds = new HashSet<>();

    public DistrictGenerator(DistrictProfile profile, long seed) {
        this.profile = profile;
        this.random = new Random(seed);
    }

    public DistrictProfile profile() {
        return profile;
    }

    public RegionCode county() {
        return RegionCode.of(profile.countyCode());
    }

    /** County, townships and villages with rural population and the poor-village flags. */
    public List<Region> regions() {
        List<Region> out = new ArrayList<>();
        int villages = profile.townships() * profile.villagesPerTownship();
        long perVillage = profile.ruralPopulation() / villages;
        List<Region> villageRegions = new ArrayList<>();
        long assigned = 0;
        for (int t = 0; t < profile.townships(); t++) {
            RegionCode town = RegionCode.of(profile.countyCode() + String.format("%03d", 100 + t));
            long townPopulation = 0;
            for (int v = 0; v < profile.villagesPerTownship(); v++) {
                int index = t * profile.villagesPerTownship() + v;
                boolean last = index == villages - 1;
                long population = last ? profile.ruralPopulation() - assigned
                        : Math.round(perVillage * (0.7 + 0.6 * random.nextDouble()));
                assigned += population;
                townPopulation += population;
                // Poor villages round-robin over townships: village v of township t is poor when it is among the
                // first poorVillages in that order.
                boolean poor = v * profile.townships() + t < profile.poorVillages();
                villageRegions.add(new Region(RegionCode.of(town.prefix() + String.format("%03d", 201 + v)),
                        villageName(index), population, poor));
            }
            out.add(new Region(town, TOWNSHIPS[t % TOWNSHIPS.length], townPopulation, false));
        }
        out.add(0, new Region(county(), profile.countyName(), profile.ruralPopulation(), false));
        out.addAll(villageRegions);
        return out;
    }

    private String villageName(int index) {
        String a = SYLLABLES_A[index % SYLLABLES_A.length];
        String b = SYLLABLES_B[(index / SYLLABLES_A.length + index * 7) % SYLLABLES_B.length];
        return a + b + (index >= SYLLABLES_A.length * SYLLABLES_B.length ? String.valueOf(index) : "") + "村";
    }

    /** The baseline poor households of 2014, spread over the villages of {@code regions}. */
    public List<Household> baselineHouseholds(List<Region> regions) {
        return households(regions, profile.poorHouseholds(), 2014);
    }

    /** {@code count} newly identified households for {@code year}. */
    public List<Household> newHouseholds(List<Region> regions, int count, int year) {
        return households(regions, count, year);
    }

    private List<Household> households(List<Region> regions, int count, int year) {
        List<Region> villages = regions.stream().filter(r -> r.code().level().name().equals("VILLAGE")).toList();
        double[] weights = new double[villages.size()];
        double total = 0;
        for (int i = 0; i < villages.size(); i++) {
            weights[i] = villages.get(i).ruralPopulation() * (villages.get(i).poor() ? 3.0 : 1.0);
            total += weights[i];
        }
        List<Household> out = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            double pick = random.nextDouble() * total;
            int i = 0;
            while (i < weights.length - 1 && pick >= weights[i]) {
                pick -= weights[i++];
            }
            out.add(household(villages.get(i).code(), year));
        }
        return out;
    }

    private Household household(RegionCode village, int year) {
        int size = pickSize();
        PovertyCause main = pickCause();
        List<PovertyCause> others = new ArrayList<>();
        if (random.nextDouble() < 0.33) {
            PovertyCause second = pickCause();
            if (second != main) {
                others.add(second);
            }
        }
        boolean elderlyHead = main == PovertyCause.LACK_OF_LABOUR || random.nextDouble() < 0.2;
        HouseholdType type = main == PovertyCause.LACK_OF_LABOUR && size == 1 ? HouseholdType.FIVE_GUARANTEES
                : random.nextDouble() < 0.18 ? HouseholdType.LOW_ALLOWANCE_POOR : HouseholdType.GENERAL_POOR;
        String surname = SURNAMES[random.nextInt(SURNAMES.length)];
        List<Member> members = new ArrayList<>();
        int headBirthYear = elderlyHead ? 1930 + random.nextInt(20) : 1955 + random.nextInt(25);
        members.add(member(surname, headBirthYear, Relationship.HEAD, random.nextBoolean()));
        for (int i = 1; i < size; i++) {
            if (i == 1) {
                members.add(member(SURNAMES[random.nextInt(SURNAMES.length)], headBirthYear + random.nextInt(5) - 2,
                        Relationship.SPOUSE, !members.get(0).sex().name().equals("MALE")));
            } else {
                boolean son = random.nextBoolean();
                members.add(member(surname, headBirthYear + 22 + random.nextInt(14),
                        son ? Relationship.SON : Relationship.DAUGHTER, son));
            }
        }
        members = shapeByCause(members, main, year);
        HousingSafety safety = random.nextDouble() < 0.09
                ? (random.nextBoolean() ? HousingSafety.C_LEVEL : HousingSafety.D_LEVEL) : HousingSafety.SAFE;
        return Household.builder()
                .region(village)
                .villageGroup((1 + random.nextInt(12)) + "组")
                .phone("139" + String.format("%08d", random.nextInt(100_000_000)))
                .bank("池州农商银行", "6228" + String.format("%012d", Math.abs(random.nextLong() % 1_000_000_000_000L)))
                .type(type)
                .mainCause(main)
                .otherCauses(others)
                .status(PovertyStatus.NOT_EXITED)
                .identifiedYear(year)
                .housing(new Housing(BigDecimal.valueOf(30 + random.nextInt(90)), safety == HousingSafety.SAFE
                        ? HousingStructure.BRICK_CONCRETE : HousingStructure.EARTH_WOOD,
                        1970 + random.nextInt(40), safety))
                .safeDrinkingWater(random.nextDouble() >= 0.04)
                .electricity(true)
                .land(new LandHolding(money(random.nextInt(400) / 100.0 + 0.5), money(random.nextInt(200) / 100.0),
                        money(random.nextInt(600) / 100.0)))
                .mutualAid(random.nextDouble() < 0.15, new BigDecimal("200.00"))
                .members(members)
                .build();
    }

    private List<Member> shapeByCause(List<Member> members, PovertyCause main, int year) {
        List<Member> out = new ArrayList<>(members);
        int who = random.nextInt(out.size());
        switch (main) {
            case ILLNESS -> out.set(who, out.get(who).withHealth(random.nextDouble() < 0.35
                    ? HealthStatus.SERIOUS_ILLNESS : HealthStatus.CHRONIC_ILLNESS));
            case DISABILITY -> out.set(who, out.get(who).withHealth(HealthStatus.DISABLED)
                    .withLabour(LabourAbility.LOST, MigrantWork.NONE, 0));
            case LACK_OF_LABOUR -> out.set(0, out.get(0).withLabour(LabourAbility.NONE, MigrantWork.NONE, 0));
            case SCHOOLING -> {
                int child = out.size() - 1;
                out.set(child, out.get(child).withStudentStatus(random.nextBoolean()
                        ? StudentStatus.SECONDARY_VOCATIONAL : StudentStatus.SENIOR));
            }
            default -> {
                if (out.size() > 2) {
                    out.set(2, out.get(2).withLabour(LabourAbility.ORDINARY, MigrantWork.OUTSIDE_PROVINCE,
                            6 + random.nextInt(6)));
                }
            }
        }
        return out;
    }

    private Member member(String surname, int birthYear, Relationship rel, boolean male) {
        CitizenId id = newId(Math.min(birthYear, 2013), male);
        int age = 2014 - birthYear;
        Education edu = age < 6 ? Education.PRE_SCHOOL : age > 60 ? Education.ILLITERATE
                : random.nextDouble() < 0.6 ? Education.JUNIOR_SECONDARY : Education.PRIMARY;
        StudentStatus student = age < 6 ? StudentStatus.PRE_SCHOOL : age < 12 ? StudentStatus.PRIMARY
                : age < 15 ? StudentStatus.GRADE_7_9 : StudentStatus.NOT_STUDENT;
        LabourAbility labour = age < 16 || age > 70 ? LabourAbility.NONE : LabourAbility.ORDINARY;
        String name = surname + GIVEN[random.nextInt(GIVEN.length)];
        return new Member(name, id, rel, random.nextDouble() < 0.98 ? "01" : "03", edu, student, HealthStatus.HEALTHY,
                labour, MigrantWork.NONE, 0, Set.of(Insurance.RURAL_MEDICAL), false);
    }

    private CitizenId newId(int birthYear, boolean male) {
        while (true) {
            LocalDate birth = LocalDate.of(birthYear, 1, 1).plusDays(random.nextInt(365));
            int seq = random.nextInt(500) * 2 + (male ? 1 : 0);
            String first17 = profile.countyCode() + digits(birth.getYear(), 4) + digits(birth.getMonthValue(), 2)
                    + digits(birth.getDayOfMonth(), 2) + digits(seq, 3);
            if (usedIds.add(first17)) {
                return CitizenId.parse(first17 + CitizenId.checkCharacter(first17));
            }
        }
    }

    /** {@code value} zero-padded to {@code width} digits (String.format was a visible share of generating). */
    private static String digits(int value, int width) {
        String s = Integer.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private int pickSize() {
        double r = random.nextDouble();
        double[] shares = {0.27, 0.31, 0.22, 0.12, 0.06, 0.02};
        for (int i = 0; i < shares.length; i++) {
            r -= shares[i];
            if (r < 0) {
                return i + 1;
            }
        }
        return 6;
    }

    private PovertyCause pickCause() {
        double r = random.nextDouble();
        Object[][] shares = {{PovertyCause.ILLNESS, 0.40}, {PovertyCause.DISABILITY, 0.12},
            {PovertyCause.LACK_OF_LABOUR, 0.11}, {PovertyCause.LACK_OF_SKILLS, 0.10},
            {PovertyCause.LACK_OF_CAPITAL, 0.08}, {PovertyCause.SCHOOLING, 0.06}, {PovertyCause.DISASTER, 0.03},
            {PovertyCause.POOR_TRANSPORT, 0.03}, {PovertyCause.LACK_OF_MOTIVATION, 0.03},
            {PovertyCause.LACK_OF_LAND, 0.02}, {PovertyCause.LACK_OF_WATER, 0.01}};
        for (Object[] s : shares) {
            r -= (Double) s[1];
            if (r < 0) {
                return (PovertyCause) s[0];
            }
        }
        return PovertyCause.OTHER;
    }

    /**
     * An income statement whose per-capita net income is {@code perCapita} (to the fen), itemised plausibly for the
     * household's type: 低保 for low-allowance households, wages and production otherwise, minus production costs.
     */
    public IncomeStatement incomeAt(Household h, int year, BigDecimal perCapita) {
        BigDecimal net = perCapita.multiply(BigDecimal.valueOf(h.size())).setScale(2, RoundingMode.HALF_UP);
        BigDecimal costs = net.multiply(new BigDecimal("0.10")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal gross = net.add(costs);
        Map<IncomeItem, BigDecimal> items = new EnumMap<>(IncomeItem.class);
        BigDecimal transfer = BigDecimal.ZERO;
        if (h.type() == HouseholdType.LOW_ALLOWANCE_POOR || h.type() == HouseholdType.FIVE_GUARANTEES) {
            transfer = gross.multiply(new BigDecimal("0.35")).setScale(2, RoundingMode.HALF_UP);
            items.put(h.type() == HouseholdType.FIVE_GUARANTEES ? IncomeItem.FIVE_GUARANTEES : IncomeItem.LOW_ALLOWANCE,
                    transfer);
        }
        BigDecimal rest = gross.subtract(transfer);
        BigDecimal wages = rest.multiply(BigDecimal.valueOf(0.3 + 0.4 * random.nextDouble()))
                .setScale(2, RoundingMode.HALF_UP);
        items.put(IncomeItem.WAGES, wages);
        items.put(IncomeItem.PRODUCTION, rest.subtract(wages));
        return new IncomeStatement(h.id(), year, items, costs, h.size(), 0);
    }

    /** A uniformly drawn amount in [low, high), two decimals. */
    public BigDecimal between(BigDecimal low, BigDecimal high) {
        return low.add(high.subtract(low).multiply(BigDecimal.valueOf(random.nextDouble())))
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** The generator's random source, so the yearly run stays reproducible from the one seed. */
    public Random random() {
        return random;
    }

    private static BigDecimal money(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }
}

package org.jingzhun.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.core.quality.QualityScan;
import org.jingzhun.quality.national.NationalQualityPlugin;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.household.Education;
import org.jingzhun.spi.household.HealthStatus;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.Insurance;
import org.jingzhun.spi.household.LabourAbility;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.MigrantWork;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.household.StudentStatus;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.quality.PairingFact;
import org.jingzhun.spi.quality.QualityFacts;
import org.jingzhun.spi.quality.QualityPack;
import org.jingzhun.spi.quality.QualityPackConfig;
import org.jingzhun.spi.quality.QualityRule;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.storage.memory.MemoryStoragePlugin;

/**
 * The national data-quality pack (数据质量规则包) over generated households, three ways, each against its baseline in
 * the same run:
 * <ol>
 * <li>engine overhead: the pack restricted to twelve rules against the same twelve checks hand-written in a plain
 *     loop, over facts held in memory (the finding counts must agree);</li>
 * <li>the whole pack in memory, households per second;</li>
 * <li>{@code jz.quality().scan} over memory storage (or an H2 file) against a raw read of the same households
 *     through the registry plus the whole pack in a plain loop (no incomes, pairings or acceptances read).</li>
 * </ol>
 *
 * <pre>java -Xmx2g -XX:+UseParallelGC -cp benchmarks/target/jingzhun-benchmarks-0.1.0-SNAPSHOT-all.jar
 *     org.jingzhun.benchmarks.QualityPackBenchmark [households] [rounds] [memory|h2]</pre>
 */
public final class QualityPackBenchmark {
    private static final int YEAR = 2020;
    private static final RegionCode COUNTY = RegionCode.of("341702");
    private static final RegionCode TOWN = RegionCode.of("341702100000");
    private static final List<RegionCode> VILLAGES = List.of(RegionCode.of("341702100201"),
            RegionCode.of("341702100202"), RegionCode.of("341702100203"));
    private static final Set<String> TWELVE = Set.of("HH01", "HH03", "HH05", "HH07", "HH13", "MB03", "MB06", "MB10",
            "MB13", "IN02", "IN03", "PR01");
    private static final Pattern MOBILE = Pattern.compile("(\\+?86)?1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?[2-9]\\d{6,7}");

    private QualityPackBenchmark() {
    }

    public static void main(String[] args) throws java.io.IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean h2 = args.length > 2 && args[2].equals("h2");
        System.out.printf("Quality pack benchmark: %,d households, %d rounds, %d cores, JVM %s, args %s%n", n, rounds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        List<QualityFacts> facts = generate(n, new Random(42));
        QualityPack all = NationalQualityPlugin.pack(QualityPackConfig.defaults());
        QualityConfigTwelve twelve = new QualityConfigTwelve(all);

        for (int r = 1; r <= rounds; r++) {
            long t0 = System.nanoTime();
            long viaPack = 0;
            for (QualityFacts f : facts) {
                viaPack += twelve.pack.check(f).size();
            }
            long t1 = System.nanoTime();
            long viaLoop = 0;
            for (QualityFacts f : facts) {
                viaLoop += plainTwelve(f);
            }
            long t2 = System.nanoTime();
            if (viaPack != viaLoop) {
                throw new IllegalStateException("pack found " + viaPack + ", plain loop " + viaLoop);
            }
            long t3 = System.nanoTime();
            long whole = 0;
            for (QualityFacts f : facts) {
                whole += all.check(f).size();
            }
            long t4 = System.nanoTime();
            System.out.printf("round %d: 12 rules pack %.0f ms, plain loop %.0f ms (%,d findings each), ratio %.2f; "
                    + "whole pack (%d rules) %.0f ms, %,.0f households/s, %,d findings%n", r, ms(t1 - t0),
                    ms(t2 - t1), viaPack, (double) (t1 - t0) / (t2 - t1), all.rules().size(), ms(t4 - t3),
                    n / ((t4 - t3) / 1e9), whole);
        }

        Principal officer = Principal.officer("bench", COUNTY);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("jz-quality");
        org.jingzhun.core.JingzhunBuilder builder = Jingzhun.builder().plugin(new NationalQualityPlugin());
        if (h2) {
            builder.plugin(new org.jingzhun.storage.jdbc.JdbcStoragePlugin()).storage("jdbc",
                    Map.of("url", "jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath(), "user", "sa",
                            "password", ""));
        } else {
            builder.plugin(new MemoryStoragePlugin()).storage("memory");
        }
        System.out.println("storage: " + (h2 ? "H2 file in " + dir : "memory"));
        try (Jingzhun jz = builder.build()) {
            List<Region> regions = new ArrayList<>();
            regions.add(new Region(COUNTY, "贵池区", 537_000, false));
            regions.add(new Region(TOWN, "梅街镇", 30_000, false));
            VILLAGES.forEach(v -> regions.add(new Region(v, "村" + v.value().substring(9), 2_000, false)));
            jz.regions().define(officer, regions, "regions");
            List<Household> batch = new ArrayList<>();
            for (QualityFacts f : facts) {
                batch.add(f.household().toBuilder().id(null).build());
                if (batch.size() == 5_000) {
                    jz.registry().registerAll(officer, batch, "benchmark");
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                jz.registry().registerAll(officer, batch, "benchmark");
            }
            for (int r = 1; r <= rounds; r++) {
                long t0 = System.nanoTime();
                long[] found = {0};
                QualityScan scan = jz.quality().scan(officer, COUNTY, YEAR, f -> found[0]++);
                long t1 = System.nanoTime();
                long[] raw = {0};
                LocalDate asOf = LocalDate.of(YEAR, 12, 31);
                jz.registry().forEachWithin(officer, COUNTY, h -> raw[0] += all.check(new QualityFacts(h, YEAR, null,
                        null, null, asOf, null)).size());
                long t2 = System.nanoTime();
                System.out.printf("round %d: jz.quality().scan %.0f ms (%,d households, %,d findings); raw read + "
                        + "pack %.0f ms (%,d findings); ratio %.2f%n", r, ms(t1 - t0), scan.households(), found[0],
                        ms(t2 - t1), raw[0], (double) (t1 - t0) / (t2 - t1));
            }
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** The national pack with every rule but the twelve switched off. */
    private static final class QualityConfigTwelve {
        final QualityPack pack;

        QualityConfigTwelve(QualityPack all) {
            QualityPackConfig c = QualityPackConfig.defaults();
            for (QualityRule r : all.rules()) {
                if (!TWELVE.contains(r.code())) {
                    c = c.withDisabled(r.code());
                }
            }
            pack = NationalQualityPlugin.pack(c);
        }
    }

    /** The twelve rules written out by hand, with the pack's default parameters: the count of findings. */
    private static int plainTwelve(QualityFacts f) {
        Household h = f.household();
        int found = 0;
        if (h.villageGroup() == null || h.villageGroup().isBlank()) {
            found++;
        }
        if (h.phone() != null && !h.phone().isBlank()) {
            String p = h.phone().replaceAll("\\s", "");
            if (!MOBILE.matcher(p).matches() && !LANDLINE.matcher(p).matches()) {
                found++;
            }
        }
        if (h.bankAccount() != null && !h.bankAccount().isBlank()
                && (h.bankAccount().length() < 16 || h.bankAccount().length() > 19)) {
            found++;
        }
        if (h.identifiedYear() < 2014) {
            found++;
        }
        Member head = h.head().orElse(null);
        LocalDate sept = LocalDate.of(f.year(), 9, 1);
        for (Member m : h.members()) {
            if (m.relationship() == Relationship.SPOUSE && head != null && head.sex() == m.sex()) {
                found++;
            }
            boolean able = m.labourAbility() == LabourAbility.ORDINARY || m.labourAbility() == LabourAbility.SKILLED;
            if (able && m.citizenId().ageOn(f.asOf()) < 16) {
                found++;
            }
            int schoolAge = m.citizenId().ageOn(sept);
            if (schoolAge >= 6 && schoolAge <= 15 && (m.studentStatus() == StudentStatus.NOT_STUDENT
                    || m.studentStatus() == StudentStatus.PRE_SCHOOL && schoolAge > 6)) {
                found++;
            }
            if (m.monthsWorked() > 0 && m.migrantWork() == MigrantWork.NONE) {
                found++;
            }
            if (!m.insurances().contains(Insurance.RURAL_MEDICAL)) {
                found++;
            }
        }
        IncomeStatement s = f.income();
        if (s != null && s.netIncome().signum() < 0) {
            found++;
        }
        if (s != null && s.householdSize() != h.size()) {
            found++;
        }
        if (h.status().poor() && f.pairings().stream().noneMatch(p -> p.activeOn(f.asOf()))) {
            found++;
        }
        return found;
    }

    /** Households of two to six members in three villages, about one in ten with a defect of some rule. */
    private static List<QualityFacts> generate(int n, Random rnd) {
        List<QualityFacts> out = new ArrayList<>(n);
        LocalDate asOf = LocalDate.of(YEAR, 12, 31);
        int person = 0;
        for (int i = 0; i < n; i++) {
            int size = 2 + rnd.nextInt(5);
            List<Member> members = new ArrayList<>(size);
            LocalDate headBirth = LocalDate.of(1950, 1, 1).plusDays(rnd.nextInt(12_000));
            boolean headMale = rnd.nextInt(10) != 0;
            for (int k = 0; k < size; k++) {
                Relationship rel = k == 0 ? Relationship.HEAD : k == 1 ? Relationship.SPOUSE
                        : rnd.nextBoolean() ? Relationship.SON : Relationship.DAUGHTER;
                boolean male = k == 0 ? headMale : k == 1 ? (rnd.nextInt(50) == 0) == headMale : rel == Relationship.SON;
                LocalDate birth = k < 2 ? headBirth.plusDays(rnd.nextInt(1_500) - 750)
                        : headBirth.plusYears(20 + rnd.nextInt(15)).plusDays(rnd.nextInt(365));
                if (birth.isAfter(asOf)) {
                    birth = asOf.minusYears(1);
                }
                int age = birth.until(LocalDate.of(YEAR, 9, 1)).getYears();
                StudentStatus student = age >= 6 && age <= 11 ? StudentStatus.PRIMARY
                        : age >= 12 && age <= 15 ? StudentStatus.GRADE_7_9 : StudentStatus.NOT_STUDENT;
                if (rnd.nextInt(100) == 0) {
                    student = StudentStatus.NOT_STUDENT;
                }
                LabourAbility labour = age >= 16 && age < 60 ? LabourAbility.ORDINARY : LabourAbility.NONE;
                MigrantWork work = labour == LabourAbility.ORDINARY && rnd.nextBoolean() ? MigrantWork.WITHIN_PROVINCE
                        : MigrantWork.NONE;
                int months = work == MigrantWork.NONE ? (rnd.nextInt(100) == 0 ? 3 : 0) : 6 + rnd.nextInt(7);
                Set<Insurance> ins = rnd.nextInt(100) == 0 ? Set.of() : Set.of(Insurance.RURAL_MEDICAL);
                members.add(new Member("成员" + k, id(birth, male, person++), rel, "01", Education.JUNIOR_SECONDARY,
                        student, HealthStatus.HEALTHY, labour, work, months, ins, false));
            }
            String phone = rnd.nextInt(50) == 0 ? "139056612" : "139" + String.format("%08d", rnd.nextInt(100_000_000));
            Household h = Household.builder().id("341702-" + String.format("%08d", i + 1))
                    .region(VILLAGES.get(i % VILLAGES.size())).villageGroup(rnd.nextInt(50) == 0 ? null : "三组")
                    .address("村" + i + "号").phone(phone).bank("农商行", "62309012345" + String.format("%08d", i))
                    .mainCause(PovertyCause.LACK_OF_SKILLS).status(rnd.nextInt(4) == 0 ? PovertyStatus.EXITED
                            : PovertyStatus.NOT_EXITED).identifiedYear(rnd.nextInt(100) == 0 ? 2013 : 2014)
                    .members(members).build();
            Map<IncomeItem, BigDecimal> items = new EnumMap<>(IncomeItem.class);
            items.put(IncomeItem.WAGES, BigDecimal.valueOf(5_000 + rnd.nextInt(20_000)));
            items.put(IncomeItem.PRODUCTION, BigDecimal.valueOf(1_000 + rnd.nextInt(4_000)));
            IncomeStatement income = new IncomeStatement(h.id(), YEAR, items,
                    BigDecimal.valueOf(rnd.nextInt(100) == 0 ? 40_000 : 500), rnd.nextInt(100) == 0 ? size + 1 : size,
                    1);
            List<PairingFact> pairings = rnd.nextInt(20) == 0 ? List.of()
                    : List.of(new PairingFact("C-" + (i % 500), LocalDate.of(2015, 1, 1), null));
            out.add(new QualityFacts(h, YEAR, income, List.of(), pairings, asOf, null));
        }
        return out;
    }

    private static CitizenId id(LocalDate birth, boolean male, int person) {
        int seq = (person * 2) % 1000 + (male ? 1 : 0);
        String addr = String.format("34%04d", (person / 500) % 10_000);
        String first17 = addr + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), seq);
        return new CitizenId(first17 + CitizenId.checkCharacter(first17));
    }
}

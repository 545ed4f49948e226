package org.jingzhun.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.core.statistics.RegionStatistics;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.household.Education;
import org.jingzhun.spi.household.HealthStatus;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.HouseholdType;
import org.jingzhun.spi.household.IdentificationStandard;
import org.jingzhun.spi.household.LabourAbility;
import org.jingzhun.spi.household.MigrantWork;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.household.StudentStatus;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.Page;
import org.jingzhun.spi.storage.PageRequest;
import org.jingzhun.storage.jdbc.JdbcStorageConfig;
import org.jingzhun.storage.jdbc.JdbcStoragePlugin;
import org.jingzhun.storage.jdbc.internal.JdbcStorage;
import org.jingzhun.storage.jdbc.internal.JdbcStorageFactory;

/**
 * Registry-size benchmark (规模基准): a province of 5 counties (1,580 areas) filled with {@code households} households
 * of about 2.45 members each by raw JDBC batches (not the API, to save time), then, in the same JVM and on the same
 * data: statistics for every area of the province in one call ({@code statistics().breakdown}) against the raw
 * {@code GROUP BY} that computes the same counts, and paging through a county and through the province with
 * {@code registry().search} (keyset pages of 1,000), with the rows the database read per page counted by
 * {@link JdbcStorage#rowsReadBy}.
 *
 * <pre>java -XX:+UseParallelGC -Xms1g -Xmx3g -cp benchmarks/target/jingzhun-benchmarks-0.1.0-SNAPSHOT-all.jar \
 *     org.jingzhun.benchmarks.ScaleBenchmark 100000 h2|postgres</pre>
 */
public final class ScaleBenchmark {
    private static final String[] COUNTIES = {"341702", "341721", "341722", "341723", "341724"};
    private static final int TOWNSHIPS = 15;
    private static final int VILLAGES = 20;
    private static final RegionCode PROVINCE = RegionCode.of("340000");
    private static final Principal OFFICE = Principal.officer("province-office", PROVINCE);
    private static final int PAGE = 1_000;
    private static final String RAW_GROUP_BY = "SELECT h.region_code, h.status, h.main_cause, COUNT(*), "
            + "SUM(COALESCE(m.n, 0)) FROM households h LEFT JOIN (SELECT county_code, household_id, COUNT(*) AS n "
            + "FROM members WHERE county_code BETWEEN '340000' AND '349999' GROUP BY county_code, household_id) m "
            + "ON m.county_code = h.county_code AND m.household_id = h.id "
            + "WHERE h.county_code BETWEEN '340000' AND '349999' GROUP BY h.region_code, h.status, h.main_cause";

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int households = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String db = args.length > 1 ? args[1] : "h2";
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("jz-scale");
        String name = "jz_scale_" + Long.toHexString(System.nanoTime());
        String url = db.equals("postgres") ? "jdbc:postgresql://127.0.0.1:5432/" + name
                // H2 hands back the cached result of a statement it ran before on unchanged tables; measure the work.
                : "jdbc:h2:file:" + dir.resolve("scale").toAbsolutePath() + ";OPTIMIZE_REUSE_RESULTS=FALSE";
        String user = db.equals("postgres") ? "postgres" : "sa";
        if (db.equals("postgres")) {
            admin("CREATE DATABASE " + name);
        }
        System.out.printf("Scale benchmark: %,d households, %s, %d cores, max heap %d MB%n", households, db,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        try (Jingzhun jz = Jingzhun.builder().plugin(new JdbcStoragePlugin())
                .storage("jdbc", Map.of("url", url, "user", user)).build()) {
            jz.regions().define(OFFICE, regions(), "scale benchmark areas");
            long t0 = System.nanoTime();
            long members = load(url, user, households, db.equals("postgres"));
            System.out.printf("loaded %,d households and %,d members by raw batches in %.1f s%n", households,
                    members, (System.nanoTime() - t0) / 1e9);
            for (int run = 1; run <= runs; run++) {
                long s0 = System.nanoTime();
                List<RegionStatistics> stats = jz.statistics().breakdown(OFFICE, PROVINCE);
                double api = (System.nanoTime() - s0) / 1e9;
                long r0 = System.nanoTime();
                long[] raw = rawGroupBy(url, user);
                double rawSeconds = (System.nanoTime() - r0) / 1e9;
                RegionStatistics all = stats.get(0);
                if (all.households() + all.householdsWith(PovertyStatus.REMOVED) != raw[0]) {
                    throw new IllegalStateException("statistics disagree with the raw GROUP BY: " + all + " vs "
                            + raw[0]);
                }
                System.out.printf("run %d: statistics for %,d areas %.3f s | raw GROUP BY %.3f s (%,d groups) | "
                        + "ratio %.2f%n", run, stats.size(), api, rawSeconds, raw[1], api / rawSeconds);
            }
            searchPages(jz, RegionCode.of(COUNTIES[2]), "county " + COUNTIES[2]);
            searchPages(jz, PROVINCE, "province");
            long f0 = System.nanoTime();
            long[] scanned = {0};
            jz.registry().forEachWithin(OFFICE, PROVINCE, h -> scanned[0]++);
            double scan = (System.nanoTime() - f0) / 1e9;
            System.out.printf("forEachWithin province: %,d households in %.1f s, %.1f µs a household%n", scanned[0],
                    scan, scan * 1e6 / scanned[0]);
        }
        try (JdbcStorage storage = (JdbcStorage) new JdbcStorageFactory().create(
                JdbcStorageConfig.of(url, user, ""), Clock::systemUTC)) {
            RegionCode county = RegionCode.of(COUNTIES[2]);
            String middle = COUNTIES[2] + "-" + String.format("%08d", households / COUNTIES.length / 2);
            System.out.printf("rows read by the database: first page of %,d (province) %,d | page after %s %,d | "
                            + "numbered page at offset %,d with total (county) %,d%n", PAGE,
                    storage.rowsReadBy(tx -> tx.households().findWithin(PROVINCE, PageRequest.first(PAGE))),
                    middle, storage.rowsReadBy(tx -> tx.households().findWithin(PROVINCE,
                            PageRequest.first(PAGE).after(middle))),
                    households / COUNTIES.length / 2,
                    storage.rowsReadBy(tx -> tx.households().findWithin(county,
                            new PageRequest(households / COUNTIES.length / 2, PAGE))));
            // Scattered keys of one county, as exit assessment and monitoring look households up.
            List<String> keys = new ArrayList<>();
            int perCounty = households / COUNTIES.length;
            for (int i = 0; i < PAGE; i++) {
                keys.add(COUNTIES[2] + "-" + String.format("%08d", 1 + (int) ((long) i * perCounty / PAGE)));
            }
            long k0 = System.nanoTime();
            long found = storage.inTransaction(tx -> (long) tx.households().findAll(keys).size());
            double byKey = (System.nanoTime() - k0) / 1e9;
            System.out.printf("households by key: %,d of %,d scattered keys with their members in %.3f s; rows read "
                    + "%,d%n", found, keys.size(), byKey, storage.rowsReadBy(tx -> tx.households().findAll(keys)));
        } finally {
            if (db.equals("postgres")) {
                admin("DROP DATABASE " + name);
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Walks an area with keyset pages through the public API and prints the time per page. */
    private static void searchPages(Jingzhun jz, RegionCode area, String label) {
        long t0 = System.nanoTime();
        int pages = 0;
        long seen = 0;
        Page<Household> page = jz.registry().search(OFFICE, area, PageRequest.first(PAGE));
        while (true) {
            pages++;
            seen += page.items().size();
            if (!page.hasNext() || pages == 60) {
                break;
            }
            page = jz.registry().search(OFFICE, area, page.next());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("search %s: %d pages of %,d (%,d households) in %.2f s, %.1f ms a page%n", label, pages,
                PAGE, seen, seconds, seconds * 1000 / pages);
    }

    private static List<Region> regions() {
        List<Region> out = new ArrayList<>();
        for (String county : COUNTIES) {
            out.add(new Region(RegionCode.of(county), "县" + county, 300_000, true));
            for (int t = 1; t <= TOWNSHIPS; t++) {
                out.add(new Region(township(county, t), "乡镇" + t, 20_000, false));
                for (int v = 1; v <= VILLAGES; v++) {
                    out.add(new Region(village(county, t, v), "村" + v, 1_000, v % 5 == 0));
                }
            }
        }
        return out;
    }

    private static RegionCode township(String county, int t) {
        return RegionCode.of(county + String.format("%03d", 100 + t));
    }

    private static RegionCode village(String county, int t, int v) {
        return RegionCode.of(county + String.format("%03d%03d", 100 + t, 200 + v));
    }

    /** Writes the households and their members with plain JDBC batches; returns the number of members. */
    private static long load(String url, String user, int households, boolean postgres) throws SQLException {
        SplittableRandom random = new SplittableRandom(2014);
        PovertyStatus[] statuses = PovertyStatus.values();
        PovertyCause[] causes = PovertyCause.values();
        long members = 0;
        String loadUrl = postgres ? url + "?reWriteBatchedInserts=true" : url;
        try (Connection c = DriverManager.getConnection(loadUrl, user, "");
                PreparedStatement h = c.prepareStatement("INSERT INTO households (county_code, id, region_code, "
                        + "standard, household_type, main_cause, flag_military_family, flag_one_child, "
                        + "flag_two_daughters, status, identified_year, safe_drinking_water, electricity, "
                        + "mutual_aid_member, version) VALUES (?, ?, ?, ?, ?, ?, FALSE, FALSE, FALSE, ?, 2014, TRUE, "
                        + "TRUE, FALSE, 1)");
                PreparedStatement m = c.prepareStatement("INSERT INTO members (county_code, household_id, seq, name, "
                        + "citizen_id, relationship, ethnicity, education, student_status, health, labour_ability, "
                        + "migrant_work, months_worked, insured_rural_medical, insured_serious_illness, "
                        + "insured_rural_pension, serving_soldier, active_citizen_id) VALUES (?, ?, ?, ?, ?, ?, '01', "
                        + "?, ?, ?, ?, ?, 0, TRUE, FALSE, TRUE, FALSE, ?)")) {
            c.setAutoCommit(false);
            int perCounty = households / COUNTIES.length;
            for (int ci = 0; ci < COUNTIES.length; ci++) {
                String county = COUNTIES[ci];
                int person = 0;
                for (int i = 1; i <= perCounty; i++) {
                    String id = county + "-" + String.format("%08d", i);
                    PovertyStatus status = statuses[random.nextInt(statuses.length)];
                    h.setString(1, county);
                    h.setString(2, id);
                    h.setString(3, village(county, 1 + random.nextInt(TOWNSHIPS), 1 + random.nextInt(VILLAGES))
                            .value());
                    h.setString(4, IdentificationStandard.NATIONAL.code());
                    h.setString(5, HouseholdType.GENERAL_POOR.code());
                    h.setString(6, causes[random.nextInt(causes.length)].code());
                    h.setString(7, status.code());
                    h.addBatch();
                    // 1 to 4 members, 2.45 on average.
                    int size = 1 + random.nextInt(4) - (random.nextInt(20) == 0 ? 1 : 0);
                    size = Math.max(1, size);
                    for (int s = 0; s < size; s++, person++) {
                        String first17 = county + LocalDate.of(1950, 1, 1).plusDays(person / 1000).toString()
                                .replace("-", "") + String.format("%03d", person % 1000);
                        String citizen = first17 + CitizenId.checkCharacter(first17);
                        m.setString(1, county);
                        m.setString(2, id);
                        m.setInt(3, s + 1);
                        m.setString(4, "成员" + s);
                        m.setString(5, citizen);
                        m.setString(6, (s == 0 ? Relationship.HEAD : Relationship.SON).code());
                        m.setString(7, Education.JUNIOR_SECONDARY.code());
                        m.setString(8, StudentStatus.NOT_STUDENT.code());
                        m.setString(9, HealthStatus.HEALTHY.code());
                        m.setString(10, LabourAbility.ORDINARY.code());
                        m.setString(11, MigrantWork.WITHIN_PROVINCE.code());
                        m.setString(12, status.active() ? citizen : null);
                        m.addBatch();
                        members++;
                    }
                    if (i % 5_000 == 0) {
                        h.executeBatch();
                        m.executeBatch();
                        c.commit();
                    }
                }
                h.executeBatch();
                m.executeBatch();
                c.commit();
            }
            try (Statement s = c.createStatement()) {
                // As a loaded database's background analysis would; the planner needs the tables' sizes.
                if (postgres) {
                    s.execute("ANALYZE households");
                    s.execute("ANALYZE members");
                } else {
                    s.execute("ANALYZE");
                }
            }
            c.commit();
        }
        return members;
    }

    /** The raw GROUP BY: {households counted, groups}. */
    private static long[] rawGroupBy(String url, String user) throws SQLException {
        long households = 0;
        long groups = 0;
        try (Connection c = DriverManager.getConnection(url, user, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(RAW_GROUP_BY)) {
            while (rs.next()) {
                households += rs.getLong(4);
                groups++;
            }
        }
        return new long[] {households, groups};
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

package org.jingzhun.benchmarks;

import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.example.demo.DemoClock;
import org.jingzhun.example.demo.DistrictDemo;
import org.jingzhun.example.demo.YearRow;
import org.jingzhun.example.district.DistrictGenerator;
import org.jingzhun.example.district.DistrictProfile;
import org.jingzhun.policy.anhui.AnhuiPolicyPlugin;
import org.jingzhun.policy.national.NationalPolicyConfig;
import org.jingzhun.policy.national.NationalPolicyPlugin;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.region.Region;
import org.jingzhun.storage.jdbc.JdbcStoragePlugin;

/**
 * Whole-scenario benchmark of the demo (issue: "finishes in under a minute on a 2-core machine"): times the district
 * run 2014–2020 through Jingzhun on a fresh embedded H2 file (configured as the demo's default), and, in the same JVM, a raw baseline that writes the
 * same data volume with plain JDBC batches into H2 (households, members, one income row with a column per item for
 * every yearly survey, a status update per exit, the new households), without validation, audit, workflows, plans or
 * targets.
 * Prints both times and their ratio, the cost of doing it properly over bare inserts.
 *
 * <pre>java -XX:+UseParallelGC -Xms1g -Xmx3g -Dh2.objectCache=false -XX:Tier4InvocationThreshold=20000 -XX:Tier4MinInvocationThreshold=2400
 *     -XX:Tier4CompileThreshold=60000 -XX:Tier4BackEdgeThreshold=160000
 *     -jar benchmarks/target/jingzhun-benchmarks-0.1.0-SNAPSHOT-all.jar [scale] [runs]</pre>
 * (the JVM options of {@code demo.sh}).
 */
public final class DemoScenarioBenchmark {
    private DemoScenarioBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        DistrictProfile profile = scale == 1.0 ? DistrictProfile.guichi() : DistrictProfile.guichi().scaled(scale);
        System.out.printf("Demo scenario benchmark: scale %.2f (%d baseline households), %d run(s), %d cores%n",
                scale, profile.poorHouseholds(), runs, Runtime.getRuntime().availableProcessors());
        for (int run = 1; run <= runs; run++) {
            Path dir = Files.createTempDirectory("jz-bench");
            try {
                long t0 = System.nanoTime();
                List<YearRow> rows = demo(profile, dir.resolve("demo"));
                double demoSeconds = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                long rowsWritten = baseline(profile, rows, dir.resolve("raw"));
                double rawSeconds = (System.nanoTime() - t1) / 1e9;
                System.out.printf("run %d: Jingzhun demo %.1f s | raw JDBC baseline %.1f s (%,d rows) | ratio %.1f%n",
                        run, demoSeconds, rawSeconds, rowsWritten, demoSeconds / rawSeconds);
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static List<YearRow> demo(DistrictProfile profile, Path db) {
        NationalPolicyConfig national = NationalPolicyConfig.defaults();
        DemoClock clock = DistrictDemo.newClock();
        try (Jingzhun jz = Jingzhun.builder()
                .plugin(new JdbcStoragePlugin())
                .plugin(new NationalPolicyPlugin(national))
                // As the demo's Main: the Anhui pack in force from 2014 (the only home of the microloan interest
                // subsidy) and the demo's sector data for monitoring leads.
                .plugin(new AnhuiPolicyPlugin(org.jingzhun.policy.anhui.AnhuiPolicyConfig.defaults()
                        .withEffectiveFrom(java.time.LocalDate.of(2014, 1, 1))))
                .monitoringLeadSource(DistrictDemo.sectorData())
                .storage("jdbc", Map.of("url", "jdbc:h2:file:" + db.toAbsolutePath() + ";QUERY_CACHE_SIZE=256", "user", "sa"))
                .clock(clock)
                .build()) {
            return new DistrictDemo(jz, clock, profile, 2014, national.lines(),
                    new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)).run();
        }
    }

    /** The same households, members, yearly incomes, exits and new entries, written with plain JDBC batches. */
    private static long baseline(DistrictProfile profile, List<YearRow> rows, Path db) throws SQLException {
        DistrictGenerator gen = new DistrictGenerator(profile, 2014);
        List<Region> regions = gen.regions();
        List<Household> households = new ArrayList<>(gen.baselineHouseholds(regions));
        long written = 0;
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath(), "sa", "")) {
            c.setAutoCommit(false);
            RawSchema.create(c);
            int next = 1;
            List<String> ids = new ArrayList<>();
            written += insertHouseholds(c, households, ids, next);
            next += households.size();
            for (YearRow r : rows) {
                if (r.newHouseholds() > 0) {
                    List<Household> fresh = gen.newHouseholds(regions, r.newHouseholds(), r.year());
                    written += insertHouseholds(c, fresh, ids, next);
                    next += fresh.size();
                }
                written += incomes(c, gen, ids, households, r.year());
                try (PreparedStatement exit = c.prepareStatement(
                        "UPDATE households SET status = '3' WHERE county_code = '341702' AND id = ?")) {
                    for (int i = 0; i < r.exitedHouseholds() && i < ids.size(); i++) {
                        exit.setString(1, ids.get(i));
                        exit.addBatch();
                    }
                    written += exit.executeBatch().length;
                }
                c.commit();
            }
        }
        return written;
    }

    private static long insertHouseholds(Connection c, List<Household> hs, List<String> ids, int first)
            throws SQLException {
        long written = 0;
        try (PreparedStatement h = c.prepareStatement("INSERT INTO households VALUES ('341702', ?, ?, ?, '1')");
                PreparedStatement m = c.prepareStatement("INSERT INTO members VALUES ('341702', ?, ?, ?, ?, ?, ?)")) {
            int n = first;
            for (Household household : hs) {
                String id = String.format("341702-%08d", n++);
                ids.add(id);
                h.setString(1, id);
                h.setString(2, household.region().value());
                h.setString(3, household.mainCause().code());
                h.addBatch();
                int seq = 0;
                for (Member member : household.members()) {
                    m.setString(1, id);
                    m.setInt(2, seq++);
                    m.setString(3, member.citizenId().value());
                    m.setString(4, member.name());
                    m.setString(5, member.relationship().code());
                    m.setString(6, member.health().code());
                    m.addBatch();
                    written++;
                }
                written++;
                if (n % 1000 == 0) {
                    h.executeBatch();
                    m.executeBatch();
                    c.commit();
                }
            }
            h.executeBatch();
            m.executeBatch();
            c.commit();
        }
        return written;
    }

    private static long incomes(Connection c, DistrictGenerator gen, List<String> ids, List<Household> baseline,
            int year) throws SQLException {
        long written = 0;
        IncomeItem[] all = IncomeItem.values();
        String marks = "?, ".repeat(all.length + 1) + "?";
        try (PreparedStatement p = c.prepareStatement("INSERT INTO incomes VALUES ('341702', " + marks + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                Household h = baseline.get(i % baseline.size());
                IncomeStatement s = gen.incomeAt(h.toBuilder().id(ids.get(i)).build(), year, new BigDecimal("3000"));
                p.setString(1, ids.get(i));
                p.setInt(2, year);
                for (int k = 0; k < all.length; k++) {
                    BigDecimal amount = s.items().get(all[k]);
                    if (amount == null) {
                        p.setNull(3 + k, java.sql.Types.DECIMAL);
                    } else {
                        p.setBigDecimal(3 + k, amount);
                    }
                }
                p.addBatch();
                written++;
                if (i % 1000 == 999) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
        return written;
    }
}

package org.jingzhun.benchmarks;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.core.exchange.ImportMode;
import org.jingzhun.core.exchange.ImportOptions;
import org.jingzhun.core.exchange.ImportResult;
import org.jingzhun.exchange.json.JsonExchangePlugin;
import org.jingzhun.exchange.xlsx.XlsxExchangePlugin;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.exchange.ExchangeFormat;
import org.jingzhun.spi.exchange.LayoutWriter;
import org.jingzhun.spi.exchange.Layouts;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.storage.jdbc.JdbcStoragePlugin;

/**
 * Import benchmark (导入基准): writes a file of {@code N} households in the library layout (about 2.5 members and a
 * year's income each), imports it through {@code jz.exchange()} in chunks of 5,000 into a fresh embedded H2 file, and,
 * in the same JVM, writes the same rows with plain JDBC batches into another H2 file (households, members with an
 * index on the citizen ID, one income row with a column per item), without parsing, validation or audit. Prints both
 * times and the ratio raw / import (1.0 would be as fast as bare inserts).
 *
 * <pre>java -Xmx256m -Dh2.objectCache=false -cp benchmarks/target/jingzhun-benchmarks-0.1.0-SNAPSHOT-all.jar \
 *     org.jingzhun.benchmarks.ImportBenchmark [households=100000] [format=xlsx|ndjson]</pre>
 */
public final class ImportBenchmark {
    private static final String COUNTY = "341702";
    private static final Principal CLERK = Principal.officer("benchmark", RegionCode.of(COUNTY));

    private ImportBenchmark() {
    }

    /** One generated household: village, members (name, ID, head first) and its income. */
    private record Row(String number, String village, List<String[]> members, BigDecimal wages,
            BigDecimal allowance) {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String formatName = args.length > 1 ? args[1] : "xlsx";
        System.out.printf("Import benchmark: %,d households, %s, max heap %d MiB, %d cores, JVM options %s%n", n,
                formatName, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        Path dir = Files.createTempDirectory("jz-import-bench");
        try {
            List<Region> regions = regions();
            List<Row> rows = generate(n, regions);
            Path file = dir.resolve("households." + formatName);
            try (Jingzhun jz = open(dir.resolve("jz"))) {
                long t0 = System.nanoTime();
                write(jz.exchange().format(formatName), file, rows);
                double writeSeconds = (System.nanoTime() - t0) / 1e9;
                jz.regions().define(CLERK, regions, "benchmark regions");
                long t1 = System.nanoTime();
                ImportResult r = jz.exchange().importFile(CLERK, file,
                        ImportOptions.of(Layouts.LIBRARY, ImportMode.ACCEPT_VALID, "benchmark import"));
                double importSeconds = (System.nanoTime() - t1) / 1e9;
                if (!r.clean() || r.registered() != n) {
                    throw new IllegalStateException("import refused rows: " + r.errors().stream().limit(5).toList());
                }
                long t2 = System.nanoTime();
                long rawRows = raw(dir.resolve("raw"), rows);
                double rawSeconds = (System.nanoTime() - t2) / 1e9;
                System.out.printf("file %,d bytes written in %.1f s%n", Files.size(file), writeSeconds);
                System.out.printf("import: %,d households, %,d members, %,d incomes in %.1f s (%.0f households/s, "
                        + "%.0f µs each)%n", r.registered(), r.rowsRead() - r.householdsRead(), r.incomes(),
                        importSeconds, n / importSeconds, importSeconds * 1e6 / n);
                System.out.printf("raw JDBC batch: %,d rows in %.1f s%n", rawRows, rawSeconds);
                System.out.printf("ratio raw/import: %.2f×%n", rawSeconds / importSeconds);
            }
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Jingzhun open(Path db) {
        return Jingzhun.builder().plugin(new JdbcStoragePlugin()).plugin(new XlsxExchangePlugin())
                .plugin(new JsonExchangePlugin())
                .storage("jdbc", Map.of("url", "jdbc:h2:file:" + db.toAbsolutePath(), "user", "sa", "password", ""))
                .build();
    }

    /** One county, 10 townships of 20 villages each. */
    private static List<Region> regions() {
        List<Region> out = new ArrayList<>();
        out.add(new Region(RegionCode.of(COUNTY), "贵池区", 537_000, false));
        for (int t = 0; t < 10; t++) {
            String town = COUNTY + String.format("%03d", 100 + t);
            out.add(new Region(RegionCode.of(town + "000"), "镇" + t, 30_000, false));
            for (int v = 0; v < 20; v++) {
                out.add(new Region(RegionCode.of(town + String.format("%03d", 200 + v)), "村" + t + "-" + v, 2_000,
                        v % 3 == 0));
            }
        }
        return out;
    }

    private static List<Row> generate(int n, List<Region> regions) {
        Random random = new Random(2014);
        List<String> villages = regions.stream().filter(r -> r.code().value().endsWith("000") == false)
                .map(r -> r.code().value()).toList();
        List<Row> out = new ArrayList<>(n);
        int person = 0;
        for (int i = 0; i < n; i++) {
            int size = 1 + random.nextInt(4);
            List<String[]> members = new ArrayList<>(size);
            for (int m = 0; m < size; m++) {
                person++;
                String birth = (m == 0 ? 1950 + random.nextInt(30) : 1985 + random.nextInt(25))
                        + String.format("%02d%02d", 1 + random.nextInt(12), 1 + random.nextInt(28));
                // Area code and sequence number together count persons, so every ID is unique whatever the birth date.
                String first17 = String.format("34%04d", 1700 + person / 1000) + birth
                        + String.format("%03d", person % 1000);
                members.add(new String[] {"成员" + person, first17 + CitizenId.checkCharacter(first17),
                        m == 0 ? "户主" : m == 1 ? "配偶" : "之子"});
            }
            out.add(new Row("F" + i, villages.get(random.nextInt(villages.size())), members,
                    new BigDecimal(2000 + random.nextInt(8000)).setScale(2), new BigDecimal("1380.50")));
        }
        return out;
    }

    private static void write(ExchangeFormat format, Path file, List<Row> rows) throws Exception {
        try (OutputStream out = Files.newOutputStream(file); LayoutWriter w = new LayoutWriter(format.writer(out))) {
            w.startSheet(Layouts.LIBRARY.sheets().get(0));
            for (Row r : rows) {
                Map<String, Object> v = new HashMap<>();
                v.put(Layouts.HOUSEHOLD_NUMBER, r.number());
                v.put("region", r.village());
                v.put("type", "一般贫困户");
                v.put("mainCause", "因病");
                v.put("identifiedYear", 2014L);
                v.put("incomeYear", 2015L);
                v.put(Layouts.INCOME_PREFIX + IncomeItem.WAGES.name(), r.wages());
                v.put(Layouts.INCOME_PREFIX + IncomeItem.LOW_ALLOWANCE.name(), r.allowance());
                v.put("productionCosts", new BigDecimal("300.00"));
                w.row(v);
            }
            w.startSheet(Layouts.LIBRARY.sheets().get(1));
            for (Row r : rows) {
                for (String[] m : r.members()) {
                    Map<String, Object> v = new HashMap<>();
                    v.put(Layouts.HOUSEHOLD_NUMBER, r.number());
                    v.put("name", m[0]);
                    v.put("citizenId", m[1]);
                    v.put("relationship", m[2]);
                    v.put("ethnicity", "01");
                    v.put("education", "初中");
                    v.put("health", "健康");
                    v.put("labourAbility", "普通劳动力");
                    w.row(v);
                }
            }
        }
    }

    /** The same households, members and incomes with plain JDBC batches, committed every 5,000 households. */
    private static long raw(Path db, List<Row> rows) throws SQLException {
        long written = 0;
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath(), "sa", "")) {
            c.setAutoCommit(false);
            RawSchema.create(c);
            IncomeItem[] all = IncomeItem.values();
            String marks = "?, ".repeat(all.length + 1) + "?";
            try (PreparedStatement h = c.prepareStatement("INSERT INTO households VALUES ('341702', ?, ?, '01', '1')");
                    PreparedStatement m = c.prepareStatement(
                            "INSERT INTO members VALUES ('341702', ?, ?, ?, ?, ?, '1')");
                    PreparedStatement in = c.prepareStatement("INSERT INTO incomes VALUES ('341702', " + marks + ")")) {
                for (int i = 0; i < rows.size(); i++) {
                    Row r = rows.get(i);
                    String id = String.format("341702-%08d", i + 1);
                    h.setString(1, id);
                    h.setString(2, r.village());
                    h.addBatch();
                    int seq = 0;
                    for (String[] member : r.members()) {
                        m.setString(1, id);
                        m.setInt(2, seq++);
                        m.setString(3, member[1]);
                        m.setString(4, member[0]);
                        m.setString(5, member[2]);
                        m.addBatch();
                        written++;
                    }
                    in.setString(1, id);
                    in.setInt(2, 2015);
                    for (int k = 0; k < all.length; k++) {
                        BigDecimal amount = all[k] == IncomeItem.WAGES ? r.wages()
                                : all[k] == IncomeItem.LOW_ALLOWANCE ? r.allowance() : null;
                        if (amount == null) {
                            in.setNull(3 + k, java.sql.Types.DECIMAL);
                        } else {
                            in.setBigDecimal(3 + k, amount);
                        }
                    }
                    in.addBatch();
                    written += 2;
                    if (i % 5_000 == 4_999) {
                        h.executeBatch();
                        m.executeBatch();
                        in.executeBatch();
                        c.commit();
                    }
                }
                h.executeBatch();
                m.executeBatch();
                in.executeBatch();
                c.commit();
            }
        }
        return written;
    }
}

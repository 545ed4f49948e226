package org.jingzhun.example;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.example.demo.DemoSettings;
import org.jingzhun.example.demo.DistrictDemo;
import org.jingzhun.example.demo.YearRow;
import org.jingzhun.example.demo.YearTable;
import org.jingzhun.example.web.PortalServer;
import org.jingzhun.example.web.YearlyFigures;
import org.jingzhun.policy.anhui.AnhuiPolicyConfig;
import org.jingzhun.policy.anhui.AnhuiPolicyPlugin;
import org.jingzhun.policy.national.NationalPolicyConfig;
import org.jingzhun.policy.national.NationalPolicyPlugin;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.storage.jdbc.JdbcStoragePlugin;

/**
 * The example app's command line: {@code demo} runs the Guichi-shaped district 2014–2020 on the embedded H2 database
 * (or PostgreSQL/MariaDB given a JDBC URL), prints and writes the yearly table, and with {@code --serve} opens the
 * portal on it.
 *
 * <pre>
 * demo [--scale=1.0] [--seed=2014] [--out=target/demo-years.csv] [--db=jdbc:...] [--user=] [--password=]
 *      [--serve] [--port=7070]
 * </pre>
 * The database may also come from {@code JINGZHUN_DB_URL}, {@code JINGZHUN_DB_USER}, {@code JINGZHUN_DB_PASSWORD}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String command = args.length == 0 ? "demo" : args[0];
        Map<String, String> options = parse(args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length));
        switch (command) {
            case "demo" -> demo(DemoSettings.from(options, System.getenv()), out);
            case "help", "--help", "-h" -> usage(out);
            default -> {
                usage(out);
                System.exit(2);
            }
        }
    }

    static void demo(DemoSettings settings, PrintStream out) throws Exception {
        NationalPolicyConfig national = NationalPolicyConfig.defaults();
        var clock = DistrictDemo.newClock();
        out.println("Jingzhun demo: " + settings.profile().countyName() + " (" + settings.profile().countyCode()
                + "), scale " + settings.scale() + ", seed " + settings.seed() + ", storage " + settings.describeDb());
        long started = System.nanoTime();
        Jingzhun jz = Jingzhun.builder()
                .plugin(new JdbcStoragePlugin())
                .plugin(new NationalPolicyPlugin(national))
                // In force from the 2014 baseline: the demo district lends microcredit from 2015, and the pack is
                // the only home of its interest subsidy.
                .plugin(new AnhuiPolicyPlugin(AnhuiPolicyConfig.defaults().withEffectiveFrom(LocalDate.of(2014, 1, 1))))
                .storage("jdbc", settings.storageConfig())
                .clock(clock)
                .build();
        List<YearRow> rows;
        try {
            rows = new DistrictDemo(jz, clock, settings.profile(), settings.seed(), national.lines(), out).run();
        } catch (RuntimeException e) {
            jz.close();
            throw e;
        }
        out.println();
        YearTable.print(rows, out);
        YearTable.writeCsv(rows, settings.out());
        out.printf("%nWrote %s; whole run %.1f s%n", settings.out(), (System.nanoTime() - started) / 1e9);
        if (settings.serve()) {
            PortalServer portal = PortalServer.start(jz, Principal.officer("demo-officer",
                    org.jingzhun.spi.region.RegionCode.of(settings.profile().countyCode())), settings.port(),
                    rows.stream().map(Main::figures).toList());
            out.println("Portal: http://localhost:" + portal.port() + "/  (Ctrl+C stops it)");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                portal.close();
                jz.close();
            }));
            Thread.currentThread().join();
        } else {
            jz.close();
        }
    }

    static YearlyFigures figures(YearRow r) {
        return new YearlyFigures(r.year(), r.registeredHouseholds(), r.registeredPeople(), r.poorHouseholds(),
                r.poorPeople(), r.incidencePercent(), r.exitedHouseholds(), r.exitedPeople(), r.targetPeople(),
                r.monitoredHouseholds());
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            int eq = a.indexOf('=');
            options.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
        }
        return options;
    }

    private static void usage(PrintStream out) {
        out.println("usage: demo [--scale=1.0] [--seed=2014] [--out=target/demo-years.csv] [--db=jdbc-url]"
                + " [--user=] [--password=] [--serve] [--port=7070]");
    }
}

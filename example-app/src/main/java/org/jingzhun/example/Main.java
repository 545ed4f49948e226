package org.jingzhun.example;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.example.demo.DemoSettings;
import org.jingzhun.example.demo.DistrictDemo;
import org.jingzhun.example.demo.YearRow;
import org.jingzhun.example.demo.YearTable;
import org.jingzhun.example.web.PortalServer;
import org.jingzhun.example.web.PortalUser;
import org.jingzhun.example.web.Role;
import org.jingzhun.example.web.UsersFile;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionTree;
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
 *      [--serve] [--host=127.0.0.1] [--port=7070] [--users=portal-users.json]
 * </pre>
 * {@code import}, {@code export} and {@code samples} move the county's spreadsheets in and out (see
 * {@link ExchangeCommands}).
 * Without {@code --users} the portal gets demo users (one per role) with fresh random passwords, written hashed to
 * {@code data/portal-users.json} and printed once on the console.
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
            case "import" -> System.exit(new ExchangeCommands(out).importFile(options));
            case "export" -> new ExchangeCommands(out).export(options);
            case "samples" -> new ExchangeCommands(out).samples(options);
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
                .monitoringLeadSource(DistrictDemo.sectorData())
                .plugin(new org.jingzhun.exchange.xlsx.XlsxExchangePlugin())
                .plugin(new org.jingzhun.exchange.csv.CsvExchangePlugin())
                .plugin(new org.jingzhun.exchange.json.JsonExchangePlugin())
                .storage("jdbc", settings.storageConfig())
                .clock(clock)
                .build();
        List<YearRow> rows;
        try {
            DistrictDemo demo = new DistrictDemo(jz, clock, settings.profile(), settings.seed(), national.lines(), out);
            rows = demo.run();
            DistrictDemo.BenefitCards cards = demo.benefitCards();
            if (cards != null && cards.sampleHtml() != null) {
                Path card = settings.out().toAbsolutePath().resolveSibling("mingbaika-" + cards.year() + "-"
                        + cards.sampleHouseholdId() + ".html");
                java.nio.file.Files.createDirectories(card.getParent());
                java.nio.file.Files.writeString(card, cards.sampleHtml());
                out.println("Printable 明白卡 of household " + cards.sampleHouseholdId() + ": " + card);
            }
        } catch (RuntimeException e) {
            jz.close();
            throw e;
        }
        out.println();
        YearTable.print(rows, out);
        YearTable.writeCsv(rows, settings.out());
        out.printf("%nWrote %s; whole run %.1f s%n", settings.out(), (System.nanoTime() - started) / 1e9);
        if (settings.serve()) {
            UsersFile users = settings.users() != null ? UsersFile.load(settings.users())
                    : demoUsers(jz, settings.profile().countyCode(), Path.of("data", "portal-users.json"), out);
            PortalServer portal = PortalServer.start(jz, PortalServer.Options.defaults(users)
                    .withHost(settings.host()).withPort(settings.port()));
            String shown = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
            out.println("Portal: http://" + shown + ":" + portal.port() + "/  (Ctrl+C stops it)");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                portal.close();
                jz.close();
            }));
            Thread.currentThread().join();
        } else {
            jz.close();
        }
    }

    /**
     * One demo user per role, each with a fresh random password: the file keeps only Argon2id hashes, and the
     * passwords are printed here once so a newcomer can sign in.
     */
    static UsersFile demoUsers(Jingzhun jz, String countyCode, Path file, PrintStream out) {
        RegionCode county = RegionCode.of(countyCode);
        RegionTree tree = jz.regions().tree(Principal.viewer("demo-setup", county), county);
        Region township = tree.children(county).get(0);
        Region village = tree.children(township.code()).stream().filter(Region::poor).findFirst()
                .orElse(tree.children(township.code()).get(0));
        record Demo(String username, String displayName, Role role, Region scope) {
        }
        Region countyRegion = tree.find(county).orElseThrow();
        List<Demo> demo = List.of(
                new Demo("county", "县扶贫办 王主任", Role.COUNTY_OFFICER, countyRegion),
                new Demo("township", township.name() + " 李专干", Role.TOWNSHIP_CLERK, township),
                new Demo("village", village.name() + " 张书记", Role.VILLAGE_CADRE, village),
                new Demo("viewer", "县统计局 查看员", Role.VIEWER, countyRegion),
                new Demo("auditor", "县审计局 审计员", Role.AUDITOR, countyRegion));
        List<PortalUser> users = new java.util.ArrayList<>();
        out.println();
        out.println("Demo users of the portal (passwords are new on every start; " + file + " keeps only hashes):");
        for (Demo d : demo) {
            String password = UsersFile.newPassword();
            users.add(new PortalUser(d.username(), d.displayName(), d.role(), d.scope().code(),
                    UsersFile.hash(password)));
            out.printf("  %-9s %-14s %-8s %s (%s)%n", d.username(), password, d.role().label(), d.scope().name(),
                    d.scope().code().value());
        }
        UsersFile.write(file, users);
        return UsersFile.load(file);
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
                + " [--user=] [--password=] [--serve] [--host=127.0.0.1] [--port=7070] [--users=file.json]");
        out.println("       import --file=x.xlsx [--layout=national] [--mode=validate|all|valid] [--report=errors.xlsx]"
                + " [--county=341702] [--db=jdbc-url]");
        out.println("       export --out=x.xlsx [--layout=library|national|public-notice] [--format=xlsx|csv|ndjson]"
                + " [--area=341702] [--profile=screen|public-notice|full] [--year=2016] [--db=jdbc-url]");
        out.println("       samples [--out=samples]");
    }
}

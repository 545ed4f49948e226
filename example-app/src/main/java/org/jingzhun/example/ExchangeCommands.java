package org.jingzhun.example;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.core.disclosure.MaskingProfile;
import org.jingzhun.core.exchange.ExportRequest;
import org.jingzhun.core.exchange.ExportResult;
import org.jingzhun.core.exchange.ImportMode;
import org.jingzhun.core.exchange.ImportOptions;
import org.jingzhun.core.exchange.ImportProgress;
import org.jingzhun.core.exchange.ImportResult;
import org.jingzhun.example.district.DistrictGenerator;
import org.jingzhun.example.district.DistrictProfile;
import org.jingzhun.exchange.csv.CsvExchangePlugin;
import org.jingzhun.exchange.json.JsonExchangePlugin;
import org.jingzhun.exchange.xlsx.XlsxExchangePlugin;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.exchange.ExchangeFormat;
import org.jingzhun.spi.exchange.ExchangeReader;
import org.jingzhun.spi.exchange.ExchangeWriter;
import org.jingzhun.spi.exchange.Layout;
import org.jingzhun.spi.exchange.Layouts;
import org.jingzhun.spi.exchange.RowError;
import org.jingzhun.spi.exchange.SheetRow;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.storage.jdbc.JdbcStoragePlugin;
import org.jingzhun.storage.memory.MemoryStoragePlugin;

/**
 * The example app's {@code import}, {@code export} and {@code samples} commands (导入导出): the county's spreadsheets in
 * and out of a registry through the library's exchange API, with a progress bar on the terminal.
 *
 * <pre>
 * import  --file=x.xlsx [--layout=national] [--mode=validate|all|valid] [--report=errors.xlsx] [--county=341702]
 *         [--db=jdbc:...] [--user=] [--password=]
 * export  --out=x.xlsx [--layout=library] [--format=xlsx] [--area=341702] [--profile=screen|public-notice|full]
 *         [--year=2016] [--db=jdbc:...]
 * samples [--out=samples]
 * </pre>
 * Both default to the demo's embedded database ({@code ./data/jingzhun-demo}), so a newcomer runs the demo once and
 * then imports the samples into it. The commands act as the county's poverty office (a county officer).
 */
final class ExchangeCommands {
    private static final String DEFAULT_COUNTY = DistrictProfile.guichi().countyCode();
    private final PrintStream out;

    ExchangeCommands(PrintStream out) {
        this.out = out;
    }

    /** Imports a file; returns the process exit code: 0 clean, 1 with row errors, 2 nothing usable. */
    int importFile(Map<String, String> options) throws IOException {
        Path file = Path.of(required(options, "file"));
        Layout layout = layout(options.getOrDefault("layout", "national"));
        ImportMode mode = switch (options.getOrDefault("mode", "validate")) {
            case "validate" -> ImportMode.VALIDATE_ONLY;
            case "all" -> ImportMode.ALL_OR_NOTHING;
            case "valid" -> ImportMode.ACCEPT_VALID;
            default -> throw new IllegalArgumentException("--mode is validate, all or valid");
        };
        try (Jingzhun jz = open(options)) {
            Principal office = office(options);
            out.printf("Importing %s (%s layout, %s) into %s%n", file, layout.name(), mode,
                    options.getOrDefault("db", "the demo's embedded database"));
            ImportResult result = jz.exchange().importFile(office, file, ImportOptions.of(layout, mode,
                    "导入 " + file.getFileName()).withListener(this::progress));
            out.println();
            out.printf("rows %,d  households %,d  registered %,d  amended %,d  incomes %,d  refused %,d  %s%n",
                    result.rowsRead(), result.householdsRead(), result.registered(), result.amended(),
                    result.incomes(), result.refused(), result.committed() ? "written" : "nothing written");
            for (RowError e : result.errors().subList(0, Math.min(20, result.errors().size()))) {
                out.printf("  %s 第%d行 %s%n", e.sheet(), e.row(), e.describe(Locale.SIMPLIFIED_CHINESE));
            }
            if (result.errorCount() > 20) {
                out.printf("  … %,d problems in all%n", result.errorCount());
            }
            if (!result.clean()) {
                Path report = Path.of(options.getOrDefault("report", errorReportName(file)));
                try (OutputStream o = Files.newOutputStream(report)) {
                    jz.exchange().writeErrorReport(result, o);
                }
                out.println("Error report (fix the rows and import it again): " + report);
                return 1;
            }
            return 0;
        }
    }

    /** Exports an area through a masking profile. */
    void export(Map<String, String> options) throws IOException {
        Path target = Path.of(required(options, "out"));
        Layout layout = layout(options.getOrDefault("layout", "library"));
        String format = options.getOrDefault("format", extension(target));
        try (Jingzhun jz = open(options); OutputStream o = Files.newOutputStream(target)) {
            ExportRequest request = ExportRequest.of(layout, format, RegionCode.of(options.getOrDefault("area",
                    options.getOrDefault("county", DEFAULT_COUNTY))))
                    .withProfile(profile(options.getOrDefault("profile", "screen")));
            if (options.containsKey("year")) {
                request = request.withIncomeYear(Integer.parseInt(options.get("year")));
            }
            ExportResult result = jz.exchange().export(office(options), request, o);
            out.printf("Wrote %s: %,d households, %,d rows, profile %s%n", target, result.households(),
                    result.rows(), result.profile().label());
        }
    }

    /**
     * Writes sample files drawn from the demo district (seed 2014, the first 1% of its households): the national
     * household and member sheets, the same sheets with four typical mistakes for trying the error report, and a
     * public-notice list as CSV.
     */
    void samples(Map<String, String> options) throws IOException {
        Path dir = Path.of(options.getOrDefault("out", "samples"));
        Files.createDirectories(dir);
        DistrictGenerator generator = new DistrictGenerator(DistrictProfile.guichi().scaled(0.01), 2014L);
        try (Jingzhun jz = Jingzhun.builder().plugin(new MemoryStoragePlugin()).storage("memory")
                .plugin(new XlsxExchangePlugin()).plugin(new CsvExchangePlugin()).plugin(new JsonExchangePlugin())
                .clock(java.time.Clock.fixed(LocalDate.of(2014, 12, 31).atStartOfDay(java.time.ZoneOffset.UTC)
                        .toInstant(), java.time.ZoneOffset.UTC))
                .build()) {
            Principal office = Principal.officer("county-office", generator.county());
            var regions = generator.regions();
            jz.regions().define(office, regions, "统计用区划代码 2014");
            jz.registry().registerAll(office, generator.baselineHouseholds(regions), "2014年建档立卡（样例）");
            Path national = dir.resolve("national-sample.xlsx");
            write(jz, office, national, Layouts.NATIONAL, "xlsx", MaskingProfile.FULL);
            Path mistakes = dir.resolve("national-with-mistakes.xlsx");
            withMistakes(jz.exchange().format("xlsx"), national, mistakes);
            out.println("Wrote " + mistakes + " (a bad check digit, an unknown village, a repeated ID, a label"
                    + " that is no code)");
            write(jz, office, dir.resolve("public-notice.csv"), Layouts.PUBLIC_NOTICE, "csv",
                    MaskingProfile.PUBLIC_NOTICE);
        }
    }

    private void write(Jingzhun jz, Principal office, Path file, Layout layout, String format,
            MaskingProfile profile) throws IOException {
        try (OutputStream o = Files.newOutputStream(file)) {
            ExportResult r = jz.exchange().export(office, ExportRequest.of(layout, format, office.scope())
                    .withProfile(profile), o);
            out.printf("Wrote %s: %,d households (%s)%n", file, r.households(), profile.label());
        }
    }

    /**
     * Copies a national workbook and plants four mistakes a county clerk typically makes: a wrong check digit, a
     * village code that does not exist, a member listed in two households, and a label where a code is expected.
     */
    static void withMistakes(ExchangeFormat xlsx, Path source, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(source); ExchangeReader reader = xlsx.reader(in);
                OutputStream o = Files.newOutputStream(target); ExchangeWriter writer = xlsx.writer(o)) {
            String sheet = null;
            List<String> headers = null;
            String firstId = null;
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                List<String> values = new ArrayList<>();
                row.cells().forEach(c -> values.add(c.text()));
                if (!row.sheet().equals(sheet)) {
                    sheet = row.sheet();
                    headers = values;
                    writer.startSheet(sheet, headers);
                    continue;
                }
                long n = row.rowNumber();
                if (sheet.equals("户信息") && n == 4) {
                    set(values, headers, "行政区划代码", "341702999999");
                }
                if (sheet.equals("户信息") && n == 6) {
                    set(values, headers, "主要致贫原因", "因病致贫");
                }
                if (sheet.equals("家庭成员")) {
                    String id = values.get(headers.indexOf("证件号码"));
                    if (firstId == null) {
                        firstId = id;
                    } else if (n == 5) {
                        char last = id.charAt(17);
                        set(values, headers, "证件号码", id.substring(0, 17) + (last == '0' ? '1' : '0'));
                    } else if (n == 9) {
                        set(values, headers, "证件号码", firstId);
                    }
                }
                writer.row(new ArrayList<>(values));
            }
        }
    }

    private static void set(List<String> values, List<String> headers, String header, String value) {
        int i = headers.indexOf(header);
        if (i < 0) {
            throw new IllegalStateException("the national layout has no column " + header);
        }
        values.set(i, value);
    }

    private void progress(ImportProgress p) {
        int width = 30;
        String bar;
        if (p.fractionRead() >= 0) {
            int done = (int) Math.round(p.fractionRead() * width);
            bar = "[" + "#".repeat(done) + " ".repeat(width - done) + "]";
        } else {
            bar = "[" + "=".repeat((int) (p.rowsRead() / 500 % width)) + ">" + "]";
        }
        String eta = p.eta().map(ExchangeCommands::clock).orElse("--:--");
        out.printf("\r%s rows %,d  accepted %,d  refused %,d  %,.0f rows/s  ETA %s   ", bar, p.rowsRead(),
                p.accepted(), p.refused(), p.rowsPerSecond(), eta);
    }

    private static String clock(Duration d) {
        return String.format("%d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    private static Jingzhun open(Map<String, String> options) {
        Map<String, String> db = new java.util.HashMap<>();
        for (String key : List.of("db", "user", "password")) {
            if (options.containsKey(key)) {
                db.put(key, options.get(key));
            }
        }
        var settings = org.jingzhun.example.demo.DemoSettings.from(db, System.getenv());
        return Jingzhun.builder().plugin(new JdbcStoragePlugin()).storage("jdbc", settings.storageConfig())
                .plugin(new XlsxExchangePlugin()).plugin(new CsvExchangePlugin()).plugin(new JsonExchangePlugin())
                .build();
    }

    private static Principal office(Map<String, String> options) {
        return Principal.officer("county-office", RegionCode.of(options.getOrDefault("county", DEFAULT_COUNTY)))
                .withPurpose("导入导出");
    }

    private static Layout layout(String name) {
        Layout layout = Layouts.all().get(name);
        if (layout == null) {
            throw new IllegalArgumentException("--layout is one of " + Layouts.all().keySet());
        }
        return layout;
    }

    private static MaskingProfile profile(String name) {
        return switch (name) {
            case "screen" -> MaskingProfile.SCREEN;
            case "public-notice" -> MaskingProfile.PUBLIC_NOTICE;
            case "full" -> MaskingProfile.FULL;
            default -> throw new IllegalArgumentException("--profile is screen, public-notice or full");
        };
    }

    private static String required(Map<String, String> options, String key) {
        String v = options.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "xlsx" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String errorReportName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + "-errors"
                + (dot < 0 ? "" : name.substring(dot))).toString();
    }
}

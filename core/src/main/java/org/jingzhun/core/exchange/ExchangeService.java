package org.jingzhun.core.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import org.jingzhun.core.disclosure.Disclosure;
import org.jingzhun.core.disclosure.MaskingProfile;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.ReadAudit;
import org.jingzhun.core.registry.HouseholdRegistry;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.ConfigurationException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.exchange.Cell;
import org.jingzhun.spi.exchange.CellKind;
import org.jingzhun.spi.exchange.ExchangeException;
import org.jingzhun.spi.exchange.ExchangeFormat;
import org.jingzhun.spi.exchange.ExchangeReader;
import org.jingzhun.spi.exchange.ExchangeWriter;
import org.jingzhun.spi.exchange.Layout;
import org.jingzhun.spi.exchange.LayoutReader;
import org.jingzhun.spi.exchange.LayoutWriter;
import org.jingzhun.spi.exchange.Layouts;
import org.jingzhun.spi.exchange.SheetLayout;
import org.jingzhun.spi.exchange.SheetRow;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.StorageTransaction;

/**
 * Import and export of households (数据导入导出) in the formats plugins contribute, through the layouts of
 * {@link Layouts}. Imports stream a file of any size in chunks through the registry's bulk paths, match households
 * already registered (by household number, else by the head's citizen ID) and amend them, and report every problem as
 * a row error; {@link #writeErrorReport} turns those into a file the clerk fixes and imports again. Exports stream
 * the households of an area straight from storage into the file, masked with a profile from {@link Disclosure}.
 */
public final class ExchangeService {
    private final CoreContext ctx;
    private final HouseholdRegistry registry;
    private final Disclosure disclosure;
    private final ReadAudit reads;
    private final Map<String, ExchangeFormat> formats;

    public ExchangeService(CoreContext ctx, HouseholdRegistry registry, Disclosure disclosure,
            Map<String, ExchangeFormat> formats) {
        this.ctx = ctx;
        this.registry = registry;
        this.disclosure = disclosure;
        this.reads = new ReadAudit(ctx);
        this.formats = Map.copyOf(formats);
    }

    /** Names of the formats registered, e.g. {@code [csv, ndjson, xlsx]}. */
    public List<String> formatNames() {
        return formats.keySet().stream().sorted().toList();
    }

    /** The format of that name. */
    public ExchangeFormat format(String name) {
        ExchangeFormat f = formats.get(name);
        if (f == null) {
            throw new ConfigurationException("exchange.unknown_format", name, formatNames());
        }
        return f;
    }

    /** The format whose file extension the file has. */
    public ExchangeFormat formatFor(Path file) {
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return formats.values().stream().filter(f -> f.fileExtension().equals(ext)).findFirst()
                .orElseThrow(() -> new ConfigurationException("exchange.unknown_format", ext, formatNames()));
    }

    /**
     * Imports the households of a file following a household layout ({@link Layouts#LIBRARY},
     * {@link Layouts#NATIONAL}): household sheet first, member sheet second, member rows in the order of their
     * households.
     *
     * @throws org.jingzhun.spi.error.AccessDeniedException without WRITE permission
     * @throws ExchangeException when the file as a whole cannot be read (wrong format, encrypted, zip bomb)
     */
    public ImportResult importFile(Principal principal, Path file, ImportOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        ctx.guard().require(principal, Permission.WRITE, principal.scope(), "import households");
        if (options.reason() == null || options.reason().isBlank()) {
            throw new ValidationException(List.of(Violation.of("import " + file.getFileName(), "reason",
                    "validation.required")));
        }
        Layout layout = options.layout();
        if (layout.sheets().size() < 2 || layout.sheets().get(0).columns().stream().noneMatch(c -> c.key()
                .equals("region")) || layout.sheets().get(1).columns().stream().noneMatch(c -> c.key()
                .equals("citizenId"))) {
            throw new IllegalArgumentException("layout " + layout.name() + " is not a household layout");
        }
        ExchangeFormat format = options.format() == null ? formatFor(file) : format(options.format());
        requireSheets(format, layout);
        return new ImportRun(ctx, registry, principal, file, format, options).run();
    }

    /**
     * Writes the error report of an import (错误报告): the input file's refused rows (every row of a refused household)
     * in the same format and sheets, with their original cells and an error column {@value LayoutReader#ERROR_COLUMN} giving each
     * problem in Chinese; header problems follow the header row. The clerk corrects it and imports it again.
     */
    public void writeErrorReport(ImportResult result, OutputStream out) {
        ExchangeFormat format = format(result.format());
        try (InputStream in = Files.newInputStream(result.file());
                ExchangeReader reader = format.reader(in);
                ExchangeWriter writer = format.writer(out)) {
            String fileSheet = null;
            SortedMap<Long, String> wanted = null;
            int width = 0;
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                if (!row.sheet().equals(fileSheet)) {
                    fileSheet = row.sheet();
                    SheetLayout sheet = LayoutReader.recognise(result.layout(), row);
                    wanted = sheet == null ? null : result.reportRows().get(sheet.name());
                    if (wanted == null) {
                        continue;
                    }
                    width = row.cells().size();
                    List<String> headers = new ArrayList<>();
                    row.cells().forEach(c -> headers.add(c.text()));
                    headers.add(LayoutReader.ERROR_COLUMN);
                    writer.startSheet(fileSheet.isEmpty() ? sheet.name() : fileSheet, headers);
                    String headerProblems = wanted.get(row.rowNumber());
                    if (headerProblems != null && !headerProblems.isEmpty()) {
                        List<Object> cells = new ArrayList<>();
                        for (int i = 0; i < width; i++) {
                            cells.add(null);
                        }
                        cells.add(headerProblems);
                        writer.row(cells);
                    }
                    continue;
                }
                if (wanted == null) {
                    continue;
                }
                String problems = wanted.get(row.rowNumber());
                if (problems == null) {
                    continue;
                }
                List<Object> cells = new ArrayList<>(width + 1);
                for (int i = 0; i < width; i++) {
                    cells.add(value(row.cell(i)));
                }
                cells.add(problems);
                writer.row(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(Cell c) {
        if (c.kind() == CellKind.NUMBER) {
            try {
                return new BigDecimal(c.text());
            } catch (NumberFormatException e) {
                return c.text();
            }
        }
        return c.text().isEmpty() ? null : c.text();
    }

    /**
     * Exports every household inside the request's area (narrowed to the principal's scope), straight from storage
     * in id order, in constant memory, masked with the request's profile; an unmasked export is recorded in the
     * audit log. Household layouts write the household sheet, then the member sheet (two scans); the public notice
     * writes name, village, category and reason of households still in the registry.
     *
     * @throws org.jingzhun.spi.error.AccessDeniedException for a FULL export without VIEW_PERSONAL_DATA
     */
    public ExportResult export(Principal principal, ExportRequest request, OutputStream out) {
        Objects.requireNonNull(out, "out");
        ExchangeFormat format = format(request.format());
        Layout layout = request.layout();
        requireSheets(format, layout);
        MaskingProfile profile = disclosure.allowed(principal, request.profile());
        RegionCode area = ctx.guard().clampSearch(principal, request.area());
        long[] counts = {0, 0};
        try (LayoutWriter writer = new LayoutWriter(format.writer(out))) {
            if (layout.equals(Layouts.PUBLIC_NOTICE)) {
                writer.startSheet(layout.first());
                Map<RegionCode, String> names = new HashMap<>();
                scan(area, (tx, h) -> {
                    if (!h.status().active()) {
                        return;
                    }
                    Household shown = disclosure.household(h, MaskingProfile.PUBLIC_NOTICE);
                    Map<String, Object> v = new HashMap<>();
                    v.put("headName", shown.head().map(Member::name).orElse(null));
                    v.put("village", names.computeIfAbsent(h.region(),
                            c -> tx.regions().find(c).map(Region::name).orElse(c.value())));
                    v.put("category", shown.type());
                    v.put("reason", shown.mainCause());
                    writer.row(v);
                    counts[0]++;
                    counts[1]++;
                });
            } else if (layout.sheets().size() >= 2 && layout.sheets().get(1).columns().stream()
                    .anyMatch(c -> c.key().equals("citizenId"))) {
                writer.startSheet(layout.sheets().get(0));
                boolean incomes = request.incomeYear() != null
                        && layout.sheets().get(0).columns().stream().anyMatch(c -> c.key().equals("incomeYear"));
                scan(area, (tx, h) -> {
                    Household shown = disclosure.household(h, profile);
                    writer.row(HouseholdRows.householdValues(shown,
                            incomes ? tx.incomes().find(h.id(), request.incomeYear()).orElse(null) : null));
                    counts[0]++;
                    counts[1]++;
                });
                writer.startSheet(layout.sheets().get(1));
                scan(area, (tx, h) -> {
                    Household shown = disclosure.household(h, profile);
                    for (Member m : shown.members()) {
                        writer.row(HouseholdRows.memberValues(shown, m));
                        counts[1]++;
                    }
                });
            } else {
                throw new IllegalArgumentException("layout " + layout.name() + " cannot be exported");
            }
        }
        reads.record(principal, profile, area.value(), area, "exchange.export",
                Map.of("layout", layout.name(), "households", counts[0]));
        return new ExportResult(format.mediaType(), format.fileExtension(), profile, counts[0], counts[1]);
    }

    private void scan(RegionCode area, java.util.function.BiConsumer<StorageTransaction, Household> action) {
        ctx.read(tx -> {
            tx.households().forEachWithin(area, h -> action.accept(tx, h));
            return null;
        });
    }

    private static void requireSheets(ExchangeFormat format, Layout layout) {
        if (layout.sheets().size() > 1 && !format.multipleSheets()) {
            throw new ExchangeException("exchange.one_sheet", format.name(), layout.name(), layout.sheets().size());
        }
    }
}

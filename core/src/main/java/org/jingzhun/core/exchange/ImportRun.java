package org.jingzhun.core.exchange;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jingzhun.core.exchange.HouseholdRows.Draft;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.registry.HouseholdRegistry;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.JingzhunException;
import org.jingzhun.spi.error.StorageException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.exchange.ExchangeFormat;
import org.jingzhun.spi.exchange.LayoutReader;
import org.jingzhun.spi.exchange.LayoutRow;
import org.jingzhun.spi.exchange.Layouts;
import org.jingzhun.spi.exchange.RowError;
import org.jingzhun.spi.exchange.SheetLayout;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.person.CitizenId;

/**
 * One import of a household layout: reads the household sheet and the member sheet side by side (two readers over
 * the same file, joined on the household number, member rows in the household sheet's order), gathers households
 * into chunks and sends each chunk through the registry's bulk paths. Refused households are left out and retried
 * without, so one bad row never refuses its chunk. Under all-or-nothing and dry runs the whole file runs in one unit
 * of work, which the registry's own writes join and which is rolled back unless every row was accepted.
 */
final class ImportRun {
    private static final Pattern REGISTRY_ID = Pattern.compile("\\d{6}-[0-9A-Z]{1,20}");

    private final CoreContext ctx;
    private final HouseholdRegistry registry;
    private final Principal principal;
    private final Path file;
    private final ExchangeFormat format;
    private final ImportOptions options;
    private final SheetLayout householdSheet;
    private final SheetLayout memberSheet;
    private final long started = System.nanoTime();
    private final long fileSize;

    private final List<RowError> errors = new ArrayList<>();
    private final Map<String, SortedMap<Long, String>> reportRows = new LinkedHashMap<>();
    private final SeenNumbers seenNumbers = new SeenNumbers();
    private long errorCount;
    private long rowsRead;
    private long householdsRead;
    private long registered;
    private long amended;
    private long incomes;
    private long refused;
    private boolean cancelled;
    private long bytesRead;

    ImportRun(CoreContext ctx, HouseholdRegistry registry, Principal principal, Path file, ExchangeFormat format,
            ImportOptions options) {
        this.ctx = ctx;
        this.registry = registry;
        this.principal = principal;
        this.file = file;
        this.format = format;
        this.options = options;
        this.householdSheet = options.layout().sheets().get(0);
        this.memberSheet = options.layout().sheets().get(1);
        try {
            this.fileSize = Files.size(file);
        } catch (IOException e) {
            throw new org.jingzhun.spi.exchange.ExchangeException("exchange.unreadable", e, file.getFileName());
        }
    }

    /** A signal that rolls back the outer unit of work of a dry run or a refused all-or-nothing import. */
    private static final class Rollback extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rollback() {
            super(null, null, false, false);
        }
    }

    ImportResult run() {
        boolean committed;
        if (options.mode() == ImportMode.ACCEPT_VALID) {
            stream();
            committed = registered + amended + incomes > 0;
        } else {
            try {
                ctx.write(principal, w -> {
                    stream();
                    if (options.mode() == ImportMode.VALIDATE_ONLY || errorCount > 0 || cancelled) {
                        throw new Rollback();
                    }
                    return null;
                });
                committed = true;
            } catch (Rollback r) {
                committed = false;
            }
        }
        progress(true);
        return new ImportResult(file, options.layout(), format.name(), options.mode(), rowsRead, householdsRead,
                registered, amended, incomes, refused, committed, cancelled, errorCount, errors, reportRows);
    }

    private void stream() {
        // Storage may run a unit of work again from the start (a deadlock victim): every count starts afresh.
        errors.clear();
        reportRows.clear();
        seenNumbers.clear();
        errorCount = 0;
        rowsRead = 0;
        householdsRead = 0;
        registered = 0;
        amended = 0;
        incomes = 0;
        refused = 0;
        bytesRead = 0;
        try (InputStream a = counting(Files.newInputStream(file));
                InputStream b = Files.newInputStream(file);
                LayoutReader households = new LayoutReader(format.reader(a), options.layout(), householdSheet);
                LayoutReader members = new LayoutReader(format.reader(b), options.layout(), memberSheet)) {
            LayoutRow pending = nextMember(members);
            List<Draft> chunk = new ArrayList<>();
            for (LayoutRow h = households.next(); h != null; h = households.next()) {
                if (options.cancelled().getAsBoolean()) {
                    cancelled = true;
                    return;
                }
                rowsRead++;
                if (h.header()) {
                    headerErrors(h);
                    continue;
                }
                String number = h.get(Layouts.HOUSEHOLD_NUMBER);
                List<LayoutRow> own = new ArrayList<>();
                while (number != null && pending != null && number.equals(pending.get(Layouts.HOUSEHOLD_NUMBER))) {
                    own.add(pending);
                    rowsRead++;
                    pending = nextMember(members);
                }
                householdsRead++;
                Draft d = new Draft(h, own);
                List<RowError> problems = new ArrayList<>(h.errors());
                own.forEach(m -> problems.addAll(m.errors()));
                if (number != null) {
                    long first = seenNumbers.putIfAbsent(number, h.rowNumber());
                    if (first >= 0) {
                        problems.add(HouseholdRows.error(h, Layouts.HOUSEHOLD_NUMBER, number,
                                "exchange.household_twice", number, first));
                    } else if (own.isEmpty()) {
                        problems.add(HouseholdRows.error(h, Layouts.HOUSEHOLD_NUMBER, number,
                                "exchange.members_missing", number));
                    }
                }
                if (!problems.isEmpty()) {
                    refuse(d, problems);
                } else {
                    chunk.add(d);
                }
                if (chunk.size() >= options.chunkSize()) {
                    process(chunk);
                    chunk.clear();
                    progress(false);
                }
            }
            if (!chunk.isEmpty()) {
                process(chunk);
            }
            for (; pending != null; pending = nextMember(members)) {
                rowsRead++;
                String number = pending.get(Layouts.HOUSEHOLD_NUMBER);
                RowError orphan = HouseholdRows.error(pending, Layouts.HOUSEHOLD_NUMBER, number,
                        "exchange.member_orphan", number);
                note(pending, List.of(orphan));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next member row that names a household; others are reported and skipped. */
    private LayoutRow nextMember(LayoutReader members) {
        for (LayoutRow m = members.next(); m != null; m = members.next()) {
            if (m.header()) {
                headerErrors(m);
            } else if (m.get(Layouts.HOUSEHOLD_NUMBER) == null) {
                rowsRead++;
                note(m, m.errors());
            } else {
                return m;
            }
        }
        return null;
    }

    private void headerErrors(LayoutRow header) {
        note(header, header.errors());
    }

    // ---- one chunk ----

    private void process(List<Draft> chunk) {
        Map<String, Household> stored = matches(chunk);
        Map<String, List<Draft>> toRegister = new LinkedHashMap<>();
        Map<String, List<Household>> registering = new LinkedHashMap<>();
        List<Draft> toAmend = new ArrayList<>();
        List<Household> amending = new ArrayList<>();
        for (Draft d : chunk) {
            Household base = stored.get(d.number());
            List<RowError> problems = new ArrayList<>();
            Household h;
            try {
                h = HouseholdRows.household(d, base, problems);
            } catch (RuntimeException e) {
                problems.add(HouseholdRows.error(d.household(), "", "", "exchange.invalid_value",
                        String.valueOf(e.getMessage())));
                h = null;
            }
            if (h != null && h.region() != null && !principal.covers(h.region())) {
                problems.add(HouseholdRows.error(d.household(), "region", h.region().value(),
                        "validation.out_of_scope", h.region(), principal.scope()));
            }
            if (!problems.isEmpty()) {
                refuse(d, problems);
                continue;
            }
            if (base != null) {
                toAmend.add(d);
                amending.add(h.toBuilder().id(base.id()).version(base.version()).build());
            } else {
                String number = d.number();
                boolean own = REGISTRY_ID.matcher(number).matches() && h.region() != null
                        && number.startsWith(h.region().countyCode() + "-");
                String county = h.region() == null ? "" : h.region().countyCode();
                toRegister.computeIfAbsent(county, c -> new ArrayList<>()).add(d);
                registering.computeIfAbsent(county, c -> new ArrayList<>())
                        .add(h.toBuilder().id(own ? number : null).version(0).build());
            }
        }
        Map<Draft, Household> written = new LinkedHashMap<>();
        Map<Draft, Long> incomeVersions = new HashMap<>();
        // One call per county: blank ids are numbered from the county of the batch.
        for (Map.Entry<String, List<Draft>> e : toRegister.entrySet()) {
            Map<Draft, Household> done = attempt(e.getValue(), registering.get(e.getKey()),
                    list -> registry.registerAll(principal, list, options.reason()));
            registered += done.size();
            written.putAll(done);
        }
        if (!toAmend.isEmpty()) {
            Map<Draft, Household> done = attempt(toAmend, amending,
                    list -> registry.amendAll(principal, list, options.reason()));
            amended += done.size();
            written.putAll(done);
            for (Draft d : done.keySet()) {
                Long year = d.household().get("incomeYear");
                if (year != null) {
                    String id = done.get(d).id();
                    incomeVersions.put(d, ctx.read(tx -> tx.incomes().find(id, year.intValue()))
                            .map(IncomeStatement::version).orElse(0L));
                }
            }
        }
        recordIncomes(written, incomeVersions);
    }

    /** Stored households matched by registry id (the household number) or, failing that, by the head's ID. */
    private Map<String, Household> matches(List<Draft> chunk) {
        List<String> ids = chunk.stream().map(Draft::number).filter(n -> REGISTRY_ID.matcher(n).matches()).toList();
        Map<String, Household> byNumber = new HashMap<>();
        Map<CitizenId, List<Draft>> byHead = new HashMap<>();
        ctx.read(tx -> {
            Map<String, Household> found = ids.isEmpty() ? Map.of() : tx.households().findAll(ids);
            for (Draft d : chunk) {
                Household h = found.get(d.number());
                if (h != null) {
                    byNumber.put(d.number(), h);
                } else if (d.headId() != null) {
                    byHead.computeIfAbsent(d.headId(), k -> new ArrayList<>()).add(d);
                }
            }
            if (!byHead.isEmpty()) {
                Map<CitizenId, List<String>> holders = tx.households().activeHoldersOf(byHead.keySet());
                Map<String, List<Draft>> wanted = new HashMap<>();
                holders.forEach((id, list) -> {
                    if (list.size() == 1) {
                        wanted.put(list.get(0), byHead.get(id));
                    }
                });
                if (!wanted.isEmpty()) {
                    // The same head ID under another name is a mistake in the file, not the same household.
                    tx.households().findAll(wanted.keySet()).forEach((id, h) -> {
                        String head = h.head().map(m -> m.name()).orElse(null);
                        wanted.get(id).stream().filter(d -> d.headName() != null && d.headName().equals(head))
                                .findFirst().ifPresent(d -> byNumber.put(d.number(), h));
                    });
                }
            }
            return null;
        });
        return byNumber;
    }

    /**
     * Runs a bulk call; when it refuses some households, reports them and runs it again without them, until it
     * succeeds or none is left.
     */
    private Map<Draft, Household> attempt(List<Draft> drafts, List<Household> households,
            Function<List<Household>, List<Household>> call) {
        List<Draft> ds = new ArrayList<>(drafts);
        List<Household> hs = new ArrayList<>(households);
        while (!ds.isEmpty()) {
            try {
                List<Household> stored = call.apply(hs);
                Map<Draft, Household> out = new LinkedHashMap<>();
                for (int i = 0; i < ds.size(); i++) {
                    out.put(ds.get(i), stored.get(i));
                }
                return out;
            } catch (ValidationException e) {
                Map<Integer, List<RowError>> byIndex = new TreeMap<>();
                for (Violation v : e.violations()) {
                    int index = rowIndex(v.record());
                    if (index < 0 || index >= ds.size()) {
                        // Not tied to one household: refuse them all rather than retry for ever.
                        for (int i = 0; i < ds.size(); i++) {
                            byIndex.computeIfAbsent(i, k -> new ArrayList<>())
                                    .add(HouseholdRows.fromViolation(ds.get(i), v));
                        }
                    } else {
                        byIndex.computeIfAbsent(index, k -> new ArrayList<>())
                                .add(HouseholdRows.fromViolation(ds.get(index), v));
                    }
                }
                List<Integer> indices = new ArrayList<>(byIndex.keySet());
                for (int i = indices.size() - 1; i >= 0; i--) {
                    int index = indices.get(i);
                    refuse(ds.get(index), byIndex.get(index));
                    ds.remove(index);
                    hs.remove(index);
                }
            } catch (StorageException e) {
                throw e;
            } catch (JingzhunException e) {
                for (Draft d : ds) {
                    refuse(d, List.of(new RowError(householdSheet.name(), d.household().rowNumber(), "", "",
                            e.code(), e.messageZh(), e.getMessage())));
                }
                return Map.of();
            }
        }
        return Map.of();
    }

    private void recordIncomes(Map<Draft, Household> written, Map<Draft, Long> versions) {
        List<IncomeStatement> statements = new ArrayList<>();
        Map<String, Draft> byId = new HashMap<>();
        for (Map.Entry<Draft, Household> e : written.entrySet()) {
            IncomeStatement s = HouseholdRows.income(e.getKey(), e.getValue().id(), e.getValue().size(),
                    versions.getOrDefault(e.getKey(), 0L));
            if (s != null) {
                statements.add(s);
                byId.put(s.householdId(), e.getKey());
            }
        }
        while (!statements.isEmpty()) {
            try {
                incomes += registry.recordIncomes(principal, statements, options.reason()).size();
                return;
            } catch (ValidationException e) {
                Set<String> bad = new HashSet<>();
                for (Violation v : e.violations()) {
                    String id = incomeHousehold(v.record());
                    Draft d = byId.get(id);
                    if (d == null) {
                        statements.forEach(s -> bad.add(s.householdId()));
                        byId.values().forEach(x -> note(x.household(), List.of(HouseholdRows.fromViolation(x, v))));
                        break;
                    }
                    bad.add(id);
                    note(d.household(), List.of(HouseholdRows.fromViolation(d, v)));
                }
                statements.removeIf(s -> bad.contains(s.householdId()));
            }
        }
    }

    // ---- bookkeeping ----

    private void refuse(Draft d, List<RowError> problems) {
        refused++;
        note(d.household(), problems.stream().filter(p -> p.row() == d.household().rowNumber()
                && p.sheet().equals(d.household().sheet().name())).toList());
        for (LayoutRow m : d.members()) {
            note(m, problems.stream().filter(p -> p.row() == m.rowNumber() && p.sheet().equals(m.sheet().name()))
                    .toList());
        }
    }

    /** Records a row's errors and marks the row for the error report (with no text when it only belongs to one). */
    private void note(LayoutRow row, List<RowError> problems) {
        SortedMap<Long, String> rows = reportRows.computeIfAbsent(row.sheet().name(), s -> new TreeMap<>());
        StringBuilder text = new StringBuilder(rows.getOrDefault(row.rowNumber(), ""));
        for (RowError p : problems) {
            errorCount++;
            if (errors.size() < options.maxErrorsKept()) {
                errors.add(p);
            }
            text.append(text.length() == 0 ? "" : "；").append(p.describe(Locale.SIMPLIFIED_CHINESE));
        }
        rows.put(row.rowNumber(), text.toString());
    }

    private void progress(boolean finished) {
        double fraction = fileSize == 0 ? -1 : (double) bytesRead / fileSize;
        if (!finished && fraction >= 1) {
            // The format read the whole file up front (xlsx is unpacked first): the share read tells nothing.
            fraction = -1;
        }
        options.listener().progress(new ImportProgress(rowsRead, householdsRead, registered + amended, refused,
                java.time.Duration.ofNanos(System.nanoTime() - started), finished ? 1 : fraction));
    }

    private static int rowIndex(String record) {
        if (record != null && record.startsWith("row ")) {
            try {
                return Integer.parseInt(record.substring(4).trim()) - 1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    private static String incomeHousehold(String record) {
        if (record == null || !record.startsWith("income ")) {
            return null;
        }
        String rest = record.substring("income ".length());
        int slash = rest.lastIndexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytesRead++;
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    bytesRead += n;
                }
                return n;
            }
        };
    }
}

package org.jingzhun.spi.exchange;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jingzhun.spi.CodedEnum;

/**
 * Reads a file through a {@link Layout} (按表样读取), one row at a time: recognises each sheet by name or, for formats
 * without sheet names, by its headers; binds headers to columns through their aliases; types every cell; and turns
 * every problem into a {@link RowError} (formulas, control characters, over-long cells, wrong types, unknown codes,
 * blank required values, missing or unknown headers, empty rows between data rows) instead of failing the file.
 */
public final class LayoutReader implements AutoCloseable {
    /**
     * Header of the error column an error report adds ({@value}); ignored on input, so a corrected report can be
     * imported again as it is.
     */
    public static final String ERROR_COLUMN = "错误说明";

    private final ExchangeReader reader;
    private final Layout layout;
    private final SheetLayout only;
    private final Deque<LayoutRow> queued = new ArrayDeque<>();
    private final List<Long> emptyRows = new ArrayList<>();
    private String fileSheet;
    private SheetLayout sheet;
    private Column[] bound;
    /** For each file column, the position of its layout column, computed once per sheet. */
    private int[] boundIndex;
    private boolean skipping;
    private long lastRow;

    /** Reads every sheet of the layout. */
    public LayoutReader(ExchangeReader reader, Layout layout) {
        this(reader, layout, null);
    }

    /** Reads only the rows of {@code only} (a sheet of {@code layout}); other sheets are passed over. */
    public LayoutReader(ExchangeReader reader, Layout layout, SheetLayout only) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.only = only;
    }

    /** The next data row (or a header row with problems), or {@code null} at the end of the file. */
    public LayoutRow next() {
        while (queued.isEmpty()) {
            SheetRow row = reader.next();
            if (row == null) {
                return null;
            }
            if (fileSheet == null || !fileSheet.equals(row.sheet())) {
                fileSheet = row.sheet();
                emptyRows.clear();
                lastRow = row.rowNumber();
                startSheet(row);
                continue;
            }
            if (skipping) {
                continue;
            }
            // Formats that leave blank rows out of the file (xlsx) show them as a gap in the row numbers.
            for (long gap = lastRow + 1; gap < row.rowNumber() && gap < lastRow + 1_000; gap++) {
                emptyRows.add(gap);
            }
            lastRow = row.rowNumber();
            if (row.empty()) {
                emptyRows.add(row.rowNumber());
                continue;
            }
            for (long empty : emptyRows) {
                queued.add(new LayoutRow(sheet, empty, false, Map.of(),
                        List.of(RowError.of(sheet.name(), empty, "", "", "exchange.row_empty"))));
            }
            emptyRows.clear();
            queued.add(typed(row));
        }
        return queued.poll();
    }

    /**
     * The sheet of {@code layout} a file sheet is, from its name or, failing that (CSV has none), from its header row
     * carrying all of a sheet's required headers; {@code null} when it is none of them.
     */
    public static SheetLayout recognise(Layout layout, SheetRow header) {
        return layout.sheet(header.sheet()).orElseGet(() -> byHeaders(layout, header));
    }

    private void startSheet(SheetRow header) {
        sheet = recognise(layout, header);
        skipping = sheet == null || (only != null && sheet != only);
        if (sheet == null) {
            if (only == null) {
                queued.add(new LayoutRow(layout.first(), header.rowNumber(), true, Map.of(), List.of(RowError.of(
                        header.sheet(), header.rowNumber(), "", header.sheet(), "exchange.sheet_unknown",
                        header.sheet(), layout.title()))));
            }
            return;
        }
        if (skipping) {
            reader.skipSheet();
            return;
        }
        List<RowError> problems = new ArrayList<>();
        bound = new Column[header.cells().size()];
        boundIndex = new int[bound.length];
        Map<Column, Integer> seen = new HashMap<>();
        for (int i = 0; i < bound.length; i++) {
            String text = header.cell(i).text().strip();
            if (text.isEmpty() || text.equals(ERROR_COLUMN)) {
                continue;
            }
            Column c = sheet.columnFor(text).orElse(null);
            if (c == null) {
                problems.add(RowError.of(sheet.name(), header.rowNumber(), text, Sensitivity.NONE.mask(text),
                        "exchange.header_unknown", text, suggestion(text)));
            } else if (seen.putIfAbsent(c, i) != null) {
                problems.add(RowError.of(sheet.name(), header.rowNumber(), text, text, "exchange.header_twice",
                        c.header()));
            } else {
                bound[i] = c;
                boundIndex[i] = sheet.columns().indexOf(c);
            }
        }
        for (Column c : sheet.columns()) {
            if (c.required() && !seen.containsKey(c)) {
                problems.add(RowError.of(sheet.name(), header.rowNumber(), c.header(), "",
                        "exchange.header_missing", c.header()));
            }
        }
        if (!problems.isEmpty()) {
            queued.add(new LayoutRow(sheet, header.rowNumber(), true, Map.of(), problems));
        }
    }

    /** For a file sheet without a known name (CSV), the layout sheet all of whose required headers it carries. */
    private static SheetLayout byHeaders(Layout layout, SheetRow header) {
        SheetLayout best = null;
        int bestScore = 0;
        for (SheetLayout s : layout.sheets()) {
            int score = 0;
            for (Cell c : header.cells()) {
                if (s.columnFor(c.text().strip()).isPresent()) {
                    score++;
                }
            }
            boolean allRequired = s.columns().stream().filter(Column::required)
                    .allMatch(col -> header.cells().stream().anyMatch(c -> col.matches(c.text().strip())));
            if (allRequired && score > bestScore) {
                best = s;
                bestScore = score;
            }
        }
        if (best == null && header.sheet().isEmpty() && layout.sheets().size() == 1) {
            return layout.first();
        }
        return best;
    }

    /** The header of this sheet a misspelt header most likely meant (at most two edits away), or {@code -}. */
    private String suggestion(String text) {
        String t = Column.normalise(text);
        String best = "-";
        int bestDistance = 3;
        for (Column c : sheet.columns()) {
            int d = distance(t, Column.normalise(c.header()));
            if (d < bestDistance) {
                best = c.header();
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }

    private LayoutRow typed(SheetRow row) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<RowError> errors = new ArrayList<>();
        boolean[] present = new boolean[sheet.columns().size()];
        for (int i = 0; i < bound.length; i++) {
            Column c = bound[i];
            if (c == null) {
                continue;
            }
            present[boundIndex[i]] = true;
            Cell cell = row.cell(i);
            Object value = value(row, c, cell, errors);
            if (value != null) {
                values.put(c.key(), value);
            }
        }
        for (int i = 0; i < present.length; i++) {
            Column c = sheet.columns().get(i);
            if (c.required() && present[i] && !values.containsKey(c.key())
                    && errors.stream().noneMatch(e -> e.column().equals(c.header()))) {
                errors.add(RowError.of(sheet.name(), row.rowNumber(), c.header(), "", "exchange.required"));
            }
        }
        return new LayoutRow(sheet, row.rowNumber(), false, values, errors);
    }

    private Object value(SheetRow row, Column c, Cell cell, List<RowError> errors) {
        String text = cell.text();
        String masked = c.sensitivity().mask(text);
        switch (cell.kind()) {
            case FORMULA -> {
                errors.add(error(row, c, masked, "exchange.formula"));
                return null;
            }
            case ERROR -> {
                errors.add(error(row, c, masked, "exchange.cell_error"));
                return null;
            }
            default -> {
            }
        }
        if (text.length() > CellText.MAX_LENGTH) {
            errors.add(error(row, c, "", "exchange.cell_too_long", text.length(), CellText.MAX_LENGTH));
            return null;
        }
        if (CellText.hasControl(text)) {
            errors.add(error(row, c, c.sensitivity().mask(CellText.withoutControls(text)), "exchange.control_char"));
            return null;
        }
        String v = text.strip();
        if (v.isEmpty()) {
            return null;
        }
        switch (c.type()) {
            case TEXT:
                if (cell.kind() == CellKind.NUMBER && c.sensitivity() == Sensitivity.CITIZEN_ID && v.length() >= 15) {
                    // Excel keeps 15 significant digits: an ID stored as a number has already lost its last ones.
                    errors.add(error(row, c, masked, "exchange.id_as_number"));
                    return null;
                }
                return v;
            case INTEGER:
                try {
                    return new BigDecimal(v).longValueExact();
                } catch (ArithmeticException | NumberFormatException e) {
                    errors.add(error(row, c, masked, "exchange.not_integer"));
                    return null;
                }
            case DECIMAL:
                try {
                    return new BigDecimal(v);
                } catch (NumberFormatException e) {
                    errors.add(error(row, c, masked, "exchange.not_number"));
                    return null;
                }
            case BOOLEAN:
                Boolean b = yesNo(v);
                if (b == null) {
                    errors.add(error(row, c, masked, "exchange.not_boolean"));
                }
                return b;
            case CODE:
                return code(row, c, v, masked, errors);
            case CODES:
                List<Object> out = new ArrayList<>();
                for (String part : v.split("[、,，;；/\\s]+")) {
                    if (!part.isEmpty()) {
                        Object one = code(row, c, part, c.sensitivity().mask(part), errors);
                        if (one != null) {
                            out.add(one);
                        }
                    }
                }
                return List.copyOf(out);
            default:
                throw new IllegalStateException(c.type().name());
        }
    }

    private static Boolean yesNo(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "是", "有", "y", "yes", "true", "1", "√" -> Boolean.TRUE;
            case "否", "无", "n", "no", "false", "0", "×" -> Boolean.FALSE;
            default -> null;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object code(SheetRow row, Column c, String v, String masked, List<RowError> errors) {
        Class type = c.codes();
        try {
            return CodedEnum.lookup(type, v);
        } catch (IllegalArgumentException e) {
            // A spreadsheet turns the code 01 into the number 1: try it padded to the width of the enum's codes.
            if (v.matches("\\d+")) {
                for (Object constant : type.getEnumConstants()) {
                    String code = ((CodedEnum) constant).code();
                    if (code.length() > v.length() && code.equals("0".repeat(code.length() - v.length()) + v)) {
                        return constant;
                    }
                }
            }
            String labels = Arrays.stream(type.getEnumConstants()).limit(12)
                    .map(o -> ((CodedEnum) o).label()).reduce((a, b) -> a + "、" + b).orElse("");
            errors.add(error(row, c, masked, "exchange.unknown_code", labels));
            return null;
        }
    }

    private RowError error(SheetRow row, Column c, String masked, String code, Object... args) {
        return RowError.of(sheet.name(), row.rowNumber(), c.header(), masked, code, args);
    }

    @Override
    public void close() {
        reader.close();
    }
}

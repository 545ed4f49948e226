package org.jingzhun.core.crosscheck;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jingzhun.spi.crosscheck.CrossCheckHit;
import org.jingzhun.spi.crosscheck.CrossCheckSource;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.person.CitizenId;

/**
 * Reference cross-check source reading a department's list from CSV (UTF-8, header row): columns
 * {@code citizen_id,category,detail}; fields may be double-quoted with {@code ""} for a quote. The list is read
 * once into memory; every bad row is reported together as a {@link ValidationException}.
 *
 * <pre>{@code
 * citizen_id,category,detail
 * 341702198001011234,vehicle,皖R·12345 小型轿车
 * }</pre>
 */
public final class CsvCrossCheckSource implements CrossCheckSource {
    private final String name;
    private final Map<CitizenId, List<CrossCheckHit>> byId;

    private CsvCrossCheckSource(String name, Map<CitizenId, List<CrossCheckHit>> byId) {
        this.name = name;
        this.byId = byId;
    }

    public static CsvCrossCheckSource read(String name, Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(name, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CsvCrossCheckSource read(String name, Reader reader) {
        Objects.requireNonNull(name, "name");
        Map<CitizenId, List<CrossCheckHit>> byId = new HashMap<>();
        List<Violation> problems = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            String line = in.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line == null || !split(line).get(0).trim().equalsIgnoreCase("citizen_id")) {
                problems.add(Violation.of(name + " row 1", "(header)", "validation.invalid_value",
                        line == null ? "" : line, "expected header citizen_id,category,detail"));
                throw new ValidationException(problems);
            }
            int row = 1;
            while ((line = in.readLine()) != null) {
                row++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = split(line);
                String record = name + " row " + row;
                if (f.size() < 2 || f.get(1).isBlank()) {
                    problems.add(Violation.of(record, "category", "validation.required"));
                    continue;
                }
                CitizenId id;
                try {
                    id = CitizenId.parse(f.get(0));
                } catch (IllegalArgumentException e) {
                    problems.add(Violation.of(record, "citizen_id", "validation.invalid_value", "(masked)",
                            e.getMessage()));
                    continue;
                }
                byId.computeIfAbsent(id, k -> new ArrayList<>())
                        .add(new CrossCheckHit(name, id, f.get(1).trim(), f.size() > 2 ? f.get(2).trim() : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new CsvCrossCheckSource(name, byId);
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<CrossCheckHit> check(Collection<CitizenId> ids) {
        List<CrossCheckHit> out = new ArrayList<>();
        for (CitizenId id : new java.util.LinkedHashSet<>(ids)) {
            out.addAll(byId.getOrDefault(id, List.of()));
        }
        return out;
    }

    /** Number of entries read. */
    public int size() {
        return byId.values().stream().mapToInt(List::size).sum();
    }
}

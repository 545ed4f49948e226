package org.jingzhun.example.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Prints the yearly table (the library's year-end figures and the demo's targets) and writes it as CSV. */
public final class YearTable {
    private YearTable() {
    }

    public static void print(List<YearRow> rows, PrintStream out) {
        out.printf("%-5s %9s %9s %8s %8s %8s %14s %14s %7s %6s %9s %8s %8s%n", "year", "reg.hh", "reg.ppl", "poor.hh",
                "poor.ppl", "incid.%", "exits.hh/tgt", "exits.ppl/tgt", "return", "new", "monitored", "vill.out",
                "trained");
        for (YearRow r : rows) {
            out.printf("%-5d %9d %9d %8d %8d %8s %14s %14s %7d %6d %9d %8d %8d%n", r.year(), r.registeredHouseholds(),
                    r.registeredPeople(), r.poorHouseholds(), r.poorPeople(), r.incidencePercent().toPlainString(),
                    r.exitedHouseholds() + "/" + r.targetHouseholds(), r.exitedPeople() + "/" + r.targetPeople(),
                    r.returnedHouseholds(), r.newHouseholds(), r.monitoredHouseholds(), r.figures().villagesExited(),
                    r.figures().peopleTrained());
        }
    }

    public static void writeCsv(List<YearRow> rows, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(YearRow.HEADERS).get())) {
            for (YearRow r : rows) {
                csv.printRecord(r.values());
            }
        }
    }
}

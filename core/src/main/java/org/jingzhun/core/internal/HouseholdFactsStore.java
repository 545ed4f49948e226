package org.jingzhun.core.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jingzhun.core.Versioned;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.policy.HouseholdFacts;
import org.jingzhun.spi.policy.Microloan;
import org.jingzhun.spi.policy.SupplementaryFacts;
import org.jingzhun.spi.policy.VocationalStudent;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.StorageTransaction;

/**
 * Keeps each household's supplementary facts per year (document kind {@code household-facts}) and assembles the
 * {@link HouseholdFacts} rules read: card, income statement of the year and supplementary facts.
 */
public final class HouseholdFactsStore {
    /** The stored form: one document per household and year. */
    public record Stored(String id, String householdId, RegionCode region, int year, SupplementaryFacts facts) {
    }

    /** The microloans issued to a household through the funds ledger, as policy facts. */
    @FunctionalInterface
    public interface LoanSource {
        List<Microloan> loans(StorageTransaction tx, Household h);
    }

    /** A household's students of a year recorded elsewhere (Yulu plan enrolments in training), as policy facts. */
    @FunctionalInterface
    public interface StudentSource {
        List<VocationalStudent> students(StorageTransaction tx, Household h, int year);
    }

    private final DocumentStore<Stored> store;
    private LoanSource loans = (tx, h) -> List.of();
    private StudentSource students = (tx, h, year) -> List.of();

    public HouseholdFactsStore(JsonCodec json) {
        this.store = new DocumentStore<>("household-facts", Stored.class, json, Stored::id, Stored::region,
                Stored::year);
    }

    /** Where loans issued through the funds ledger come from (the funds capability registers itself). */
    public void loanSource(LoanSource source) {
        this.loans = java.util.Objects.requireNonNull(source, "source");
    }

    /** Where students enrolled through the training records come from (the training capability registers itself). */
    public void studentSource(StudentSource source) {
        this.students = java.util.Objects.requireNonNull(source, "source");
    }

    public static String id(String householdId, int year) {
        return householdId + "." + year;
    }

    public Optional<Versioned<Stored>> find(StorageTransaction tx, Household h, int year) {
        return store.find(tx, h.countyCode(), id(h.id(), year));
    }

    public SupplementaryFacts supplementary(StorageTransaction tx, Household h, int year) {
        return find(tx, h, year).map(v -> v.value().facts()).orElse(SupplementaryFacts.none());
    }

    /** Saves (inserting or replacing) and returns what was there before, if anything. */
    public Optional<SupplementaryFacts> save(StorageTransaction tx, Household h, int year, SupplementaryFacts facts) {
        Optional<Versioned<Stored>> before = find(tx, h, year);
        store.save(tx, new Stored(id(h.id(), year), h.id(), h.region(), year, facts),
                before.map(Versioned::version).orElse(0L));
        return before.map(v -> v.value().facts());
    }

    /**
     * The facts of a registered household for a year, decided on {@code asOf}: the recorded supplementary facts with
     * the loans issued through the funds ledger added (a ledger loan replaces a recorded loan of the same id, since
     * the ledger knows its repayments and default) and the Yulu students enrolled through training (an enrolment
     * replaces a recorded student with the same citizen ID, since the course knows the semesters). The bulk forms
     * below read recorded facts only: no eligibility, exit or monitoring rule reads loans or students
     * ({@link #withRecords} adds them for benefits).
     */
    public HouseholdFacts facts(StorageTransaction tx, Household h, int year, LocalDate asOf) {
        SupplementaryFacts extra = withStudents(merged(supplementary(tx, h, year), loans.loans(tx, h)),
                students.students(tx, h, year));
        return new HouseholdFacts(h, year, tx.incomes().find(h.id(), year).orElse(null), extra, asOf);
    }

    /**
     * The same facts with each household's loans issued through the funds ledger and Yulu students enrolled through
     * training added (one read of each per household), for the callers whose rules read them: benefit evaluation.
     */
    public Map<String, HouseholdFacts> withRecords(StorageTransaction tx, Map<String, HouseholdFacts> facts) {
        Map<String, HouseholdFacts> out = new LinkedHashMap<>();
        facts.forEach((id, f) -> out.put(id, new HouseholdFacts(f.household(), f.year(), f.income(),
                withStudents(merged(f.extra(), loans.loans(tx, f.household())),
                        students.students(tx, f.household(), f.year())), f.asOf())));
        return out;
    }

    private static SupplementaryFacts withStudents(SupplementaryFacts extra, List<VocationalStudent> enrolled) {
        if (enrolled.isEmpty()) {
            return extra;
        }
        Map<String, VocationalStudent> merged = new LinkedHashMap<>();
        extra.students().forEach(s -> merged.put(s.student().value(), s));
        enrolled.forEach(s -> merged.put(s.student().value(), s));
        return extra.withStudents(List.copyOf(merged.values()));
    }

    private static SupplementaryFacts merged(SupplementaryFacts extra, List<Microloan> issued) {
        if (issued.isEmpty()) {
            return extra;
        }
        Map<String, Microloan> merged = new LinkedHashMap<>();
        extra.loans().forEach(l -> merged.put(l.loanId(), l));
        issued.forEach(l -> merged.put(l.loanId(), l));
        return extra.withLoans(List.copyOf(merged.values()));
    }

    /**
     * The facts of many registered households lying inside {@code area} for a year, decided on {@code asOf}, keyed by household
     * id: the year's statements and supplementary facts of the whole area are read with one bulk query each.
     */
    public Map<String, HouseholdFacts> factsWithin(StorageTransaction tx, RegionCode area, List<Household> households,
            int year, LocalDate asOf) {
        if (households.isEmpty()) {
            return new LinkedHashMap<>();
        }
        Map<String, IncomeStatement> incomes = tx.incomes().findYearWithin(area, year);
        Map<String, SupplementaryFacts> supplementary = new HashMap<>();
        for (Versioned<Stored> v : store.all(tx, area, year)) {
            supplementary.put(v.value().householdId(), v.value().facts());
        }
        return assemble(households, year, asOf, incomes, supplementary);
    }

    /**
     * The facts of a list of registered households for a year, decided on {@code asOf}, keyed by household id: their
     * statements and supplementary facts are read by key in bulk, so the cost follows the list, not its area.
     */
    public Map<String, HouseholdFacts> factsOf(StorageTransaction tx, List<Household> households, int year,
            LocalDate asOf) {
        if (households.isEmpty()) {
            return new LinkedHashMap<>();
        }
        Map<String, IncomeStatement> incomes = tx.incomes().findYear(households.stream().map(Household::id).toList(),
                year);
        Map<String, List<String>> docIdsByCounty = new LinkedHashMap<>();
        for (Household h : households) {
            docIdsByCounty.computeIfAbsent(h.countyCode(), c -> new java.util.ArrayList<>()).add(id(h.id(), year));
        }
        Map<String, SupplementaryFacts> supplementary = new HashMap<>();
        docIdsByCounty.forEach((county, ids) -> store.findAll(tx, county, ids).values()
                .forEach(v -> supplementary.put(v.value().householdId(), v.value().facts())));
        return assemble(households, year, asOf, incomes, supplementary);
    }

    private static Map<String, HouseholdFacts> assemble(List<Household> households, int year, LocalDate asOf,
            Map<String, IncomeStatement> incomes, Map<String, SupplementaryFacts> supplementary) {
        Map<String, HouseholdFacts> out = new LinkedHashMap<>();
        for (Household h : households) {
            out.put(h.id(), new HouseholdFacts(h, year, incomes.get(h.id()),
                    supplementary.getOrDefault(h.id(), SupplementaryFacts.none()), asOf));
        }
        return out;
    }

    /** The day a year's decisions are taken for: today when within the year, otherwise the year's last day. */
    public static LocalDate decisionDate(int year, LocalDate today) {
        return today.getYear() == year ? today : LocalDate.of(year, 12, 31);
    }
}

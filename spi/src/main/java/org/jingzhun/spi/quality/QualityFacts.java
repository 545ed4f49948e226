package org.jingzhun.spi.quality;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.Member;

/**
 * Everything a data-quality rule may read about one household (核查依据): the card with its members, its latest
 * income statement (of the year checked or the year before), its monitoring records and cadre pairings, the day of the check and the
 * set-level index of the whole batch (for rules such as a citizen ID held twice).
 *
 * @param year   the year checked (income year; school age is counted at 1 September of it)
 * @param income the statement of {@code year}, else of the year before, or null when neither exists
 * @param asOf   the day the check is made for (ages, active pairings)
 */
public record QualityFacts(Household household, int year, IncomeStatement income, List<MonitoringFact> monitoring,
        List<PairingFact> pairings, LocalDate asOf, QualityIndex index) {
    public QualityFacts {
        Objects.requireNonNull(household, "household");
        Objects.requireNonNull(asOf, "asOf");
        monitoring = monitoring == null ? List.of() : List.copyOf(monitoring);
        pairings = pairings == null ? List.of() : List.copyOf(pairings);
        index = index == null ? QualityIndex.none() : index;
    }

    /** A member's age in full years on {@link #asOf()}. */
    public int age(Member m) {
        return m.citizenId().ageOn(asOf);
    }

    /** A member's age in full years on 1 September of {@link #year()}, the day school age is counted on. */
    public int schoolAge(Member m) {
        return m.citizenId().ageOn(LocalDate.of(year, 9, 1));
    }

    /** Whether a cadre pairing is in force on {@link #asOf()}. */
    public boolean paired() {
        return pairings.stream().anyMatch(p -> p.activeOn(asOf));
    }

    public QualityFacts withIncome(IncomeStatement v) {
        return new QualityFacts(household, year, v, monitoring, pairings, asOf, index);
    }

    public QualityFacts withMonitoring(List<MonitoringFact> v) {
        return new QualityFacts(household, year, income, v, pairings, asOf, index);
    }

    public QualityFacts withPairings(List<PairingFact> v) {
        return new QualityFacts(household, year, income, monitoring, v, asOf, index);
    }

    public QualityFacts withIndex(QualityIndex v) {
        return new QualityFacts(household, year, income, monitoring, pairings, asOf, v);
    }

    public QualityFacts withHousehold(Household v) {
        return new QualityFacts(v, year, income, monitoring, pairings, asOf, index);
    }
}

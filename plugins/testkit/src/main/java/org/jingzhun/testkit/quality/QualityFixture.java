package org.jingzhun.testkit.quality;

import java.util.List;
import java.util.Objects;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.quality.QualityFacts;

/**
 * The fixture of one data-quality rule (规则样例): facts that trip it, facts that do not, and the other households of
 * the batch when the rule reads a set-level index (a citizen ID held twice needs the second holder).
 *
 * @param passes facts that must not trip the rule, or null to use the contract's clean household
 * @param batch  the other households of the batch, indexed together with the facts checked
 */
public record QualityFixture(QualityFacts trips, QualityFacts passes, List<Household> batch) {
    public QualityFixture {
        Objects.requireNonNull(trips, "trips");
        batch = batch == null ? List.of() : List.copyOf(batch);
    }

    /** Facts that trip the rule, checked alone. */
    public static QualityFixture trips(QualityFacts facts) {
        return new QualityFixture(facts, null, null);
    }

    /** The same fixture with a near miss that must not trip the rule. */
    public QualityFixture passes(QualityFacts facts) {
        return new QualityFixture(trips, facts, batch);
    }

    /** The same fixture checked together with {@code others} in one batch. */
    public QualityFixture withBatch(List<Household> others) {
        return new QualityFixture(trips, passes, others);
    }
}

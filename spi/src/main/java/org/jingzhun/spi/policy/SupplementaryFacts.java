package org.jingzhun.spi.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Facts about a household's year beyond the card and the income statement (补充信息) that policy rules read:
 * medical costs, microloans, students, verified output, rigid spending (刚性支出: illness, disability, disaster) and
 * exclusion circumstances. Every list may be empty.
 */
public record SupplementaryFacts(
        @NotNull List<@Valid @NotNull MedicalExpense> medical,
        @NotNull List<@Valid @NotNull Microloan> loans,
        @NotNull List<@Valid @NotNull VocationalStudent> students,
        @NotNull List<@Valid @NotNull OutputRecord> outputs,
        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal rigidSpending,
        @NotNull Set<@NotNull ExclusionFactor> exclusions) {

    public SupplementaryFacts {
        medical = medical == null ? List.of() : List.copyOf(medical);
        loans = loans == null ? List.of() : List.copyOf(loans);
        students = students == null ? List.of() : List.copyOf(students);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        rigidSpending = rigidSpending == null ? BigDecimal.ZERO.setScale(2) : rigidSpending.setScale(2,
                java.math.RoundingMode.HALF_UP);
        exclusions = exclusions == null ? Set.of() : Set.copyOf(exclusions);
    }

    /** No supplementary facts. */
    public static SupplementaryFacts none() {
        return new SupplementaryFacts(null, null, null, null, null, null);
    }

    public SupplementaryFacts withMedical(List<MedicalExpense> v) {
        return new SupplementaryFacts(v, loans, students, outputs, rigidSpending, exclusions);
    }

    public SupplementaryFacts withLoans(List<Microloan> v) {
        return new SupplementaryFacts(medical, v, students, outputs, rigidSpending, exclusions);
    }

    public SupplementaryFacts withStudents(List<VocationalStudent> v) {
        return new SupplementaryFacts(medical, loans, v, outputs, rigidSpending, exclusions);
    }

    public SupplementaryFacts withOutputs(List<OutputRecord> v) {
        return new SupplementaryFacts(medical, loans, students, v, rigidSpending, exclusions);
    }

    public SupplementaryFacts withRigidSpending(BigDecimal v) {
        return new SupplementaryFacts(medical, loans, students, outputs, v, exclusions);
    }

    public SupplementaryFacts withExclusions(Set<ExclusionFactor> v) {
        return new SupplementaryFacts(medical, loans, students, outputs, rigidSpending, v);
    }
}

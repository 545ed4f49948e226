package org.jingzhun.spi.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One line of an amount's explanation (计算明细), e.g. one patient's capped cost or one loan's interest subsidy. The
 * parts of a {@link BenefitAmount} add up exactly to the amount.
 *
 * @param label  what the line is, readable on a benefit card
 * @param amount yuan, scale 2
 * @param basis  how it was computed, e.g. {@code 50,000.00 × 4.35% × 12/12}
 */
public record ExplanationPart(String label, BigDecimal amount, String basis) {
    public ExplanationPart {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(amount, "amount");
        amount = amount.setScale(2, RoundingMode.HALF_UP);
        basis = basis == null ? "" : basis;
    }
}

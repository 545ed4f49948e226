package org.jingzhun.spi.funds;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Yuan amounts of the funds model (金额): {@link BigDecimal} with scale 2. Records pass their amounts through
 * {@link #exact} so that {@code 50000} and {@code 50000.000} become {@code 50000.00}, while an amount with more than
 * two significant decimals keeps its scale and is refused by its {@code @Digits} constraint instead of being rounded
 * without anyone noticing.
 */
public final class Money {
    /** Zero yuan, scale 2. */
    public static final BigDecimal ZERO = new BigDecimal("0.00");

    private Money() {
    }

    /** {@code value} at scale 2 when that loses nothing, otherwise unchanged (null stays null). */
    public static BigDecimal exact(BigDecimal value) {
        if (value == null) {
            return null;
        }
        try {
            return value.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            return value;
        }
    }

    /** Parses a yuan amount, e.g. {@code "840000"} or {@code "2375.00"}. */
    public static BigDecimal yuan(String value) {
        return exact(new BigDecimal(value));
    }

    /** Rounds half-up to the fen (分). */
    public static BigDecimal round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}

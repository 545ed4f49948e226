package org.jingzhun.core.funds;

import java.math.BigDecimal;
import org.jingzhun.spi.funds.MutualAidLoan;

/**
 * A mutual-aid loan with what was cancelled (reversed), repaid, paid in fees and is still outstanding:
 * {@code amount = cancelled + repaid + outstanding}, none negative.
 */
public record MutualAidLoanBalance(MutualAidLoan loan, BigDecimal cancelled, BigDecimal repaid, BigDecimal fees,
        BigDecimal outstanding) {
}

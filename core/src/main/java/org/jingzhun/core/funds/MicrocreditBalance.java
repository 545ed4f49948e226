package org.jingzhun.core.funds;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jingzhun.spi.funds.Microcredit;
import org.jingzhun.spi.region.RegionCode;

/**
 * A microcredit loan with its principal repaid and outstanding ({@code principal = repaid + outstanding}), and, when
 * it defaulted, the day and the compensation the risk fund paid.
 *
 * @param region the borrowing household's village
 */
public record MicrocreditBalance(Microcredit loan, RegionCode region, BigDecimal repaid, BigDecimal outstanding,
        LocalDate defaultedOn, BigDecimal compensated) {

    public boolean defaulted() {
        return defaultedOn != null;
    }
}

package org.jingzhun.core.funds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jingzhun.spi.funds.Money;

/**
 * One line of fund use (资金使用情况): for a source, a kind of source or an area, the money that arrived there, how much
 * of it is allocated to projects and disbursed, and the rate of disbursement (支出进度 = disbursed ÷ received).
 *
 * @param key              source id, kind name, or region code
 * @param label            readable name
 * @param received         for a source or kind, the amount that arrived; for an area, the money allocated to its
 *                         projects
 * @param allocated        allocated to projects, net of reversals
 * @param disbursed        paid out, net of reversals
 * @param disbursementRate disbursed ÷ received, four decimals (0.7500 = 75%); zero when nothing arrived
 */
public record FundUseLine(String key, String label, BigDecimal received, BigDecimal allocated, BigDecimal disbursed,
        BigDecimal disbursementRate) {

    static FundUseLine of(String key, String label, BigDecimal received, BigDecimal allocated, BigDecimal disbursed) {
        BigDecimal rate = received.signum() == 0 ? BigDecimal.ZERO.setScale(4)
                : disbursed.divide(received, 4, RoundingMode.HALF_UP);
        return new FundUseLine(key, label, Money.exact(received), Money.exact(allocated), Money.exact(disbursed),
                rate);
    }

    /** The rate as a percentage with one decimal, e.g. {@code 75.0%}. */
    public String ratePercent() {
        return disbursementRate.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}

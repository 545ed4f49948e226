package org.jingzhun.core.funds;

import java.math.BigDecimal;
import org.jingzhun.spi.funds.RiskCompensationFund;

/** A risk compensation fund with its deposits, payouts and balance ({@code deposited − paidOut}, never negative). */
public record RiskFundBalance(RiskCompensationFund fund, BigDecimal deposited, BigDecimal paidOut,
        BigDecimal balance) {
}

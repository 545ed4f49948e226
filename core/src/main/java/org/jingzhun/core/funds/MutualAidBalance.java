package org.jingzhun.core.funds;

import java.math.BigDecimal;
import java.util.Map;
import org.jingzhun.spi.funds.MutualAidFund;

/**
 * A village mutual-aid fund with its capital (fiscal, members' contributions, fee income), the principal lent out
 * and not yet repaid, and what is available to lend: {@code available = capital − outstanding}, never negative.
 *
 * @param members each member household's contribution (入股金额), by household id
 */
public record MutualAidBalance(MutualAidFund fund, BigDecimal fiscalCapital, BigDecimal memberCapital,
        BigDecimal feeIncome, BigDecimal capital, BigDecimal outstanding, BigDecimal available,
        Map<String, BigDecimal> members) {
    public MutualAidBalance {
        members = Map.copyOf(members);
    }
}

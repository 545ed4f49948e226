package org.jingzhun.core.funds;

import java.math.BigDecimal;
import org.jingzhun.spi.funds.MutualAidFund;

/**
 * A village mutual-aid fund with its capital (fiscal, members' contributions, fee income), the principal lent out
 * and not yet repaid, and what is available to lend: {@code available = capital − outstanding}, never negative. Each
 * member household's contribution (入股金额) is on its registration card ({@code Household.mutualAidContribution}).
 */
public record MutualAidBalance(MutualAidFund fund, BigDecimal fiscalCapital, BigDecimal memberCapital,
        BigDecimal feeIncome, BigDecimal capital, BigDecimal outstanding, BigDecimal available) {
}

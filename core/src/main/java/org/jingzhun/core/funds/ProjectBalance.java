package org.jingzhun.core.funds;

import java.math.BigDecimal;
import java.util.List;
import org.jingzhun.spi.funds.AidProject;

/**
 * A project with its money (项目资金): allocated to it (net of reversals), disbursed, allocated but not yet disbursed,
 * budget not yet funded, budget not yet spent, and the amount claimed by donors, with each allocation.
 *
 * @param unfunded  budget − allocated
 * @param remaining budget − disbursed
 */
public record ProjectBalance(AidProject project, BigDecimal allocated, BigDecimal disbursed, BigDecimal undisbursed,
        BigDecimal unfunded, BigDecimal remaining, BigDecimal claimed, List<AllocationBalance> allocations) {
    public ProjectBalance {
        allocations = List.copyOf(allocations);
    }
}

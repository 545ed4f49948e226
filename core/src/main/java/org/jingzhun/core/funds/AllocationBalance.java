package org.jingzhun.core.funds;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One allocation of a fund source into a project (资金分配) with its balances: always
 * {@code allocated = disbursed + undisbursed}, none negative.
 *
 * @param allocationId the id of the allocation's ledger entry
 * @param allocated    net of reversals
 */
public record AllocationBalance(String allocationId, String sourceId, LocalDate date, BigDecimal allocated,
        BigDecimal disbursed, BigDecimal undisbursed) {
}

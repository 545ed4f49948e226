package org.jingzhun.core.funds;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A disbursement that reached a household directly (到户资金), net of its reversals.
 *
 * @param entryId the disbursement's ledger entry
 * @param amount  yuan, net of reversals, positive
 */
public record HouseholdFundLine(String entryId, LocalDate date, String projectId, String projectName, String purpose,
        BigDecimal amount) {
}

package org.jingzhun.spi.funds;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jingzhun.spi.region.RegionCode;

/**
 * One movement of money in the funds ledger (资金流水): immutable once written. A correction is never an edit but a
 * counter-entry (冲销) of the same kind whose {@link #reverses()} names the entry it counters, so every account's
 * balance is the sum of its entries' {@link #signedAmount()}. Which references are set depends on the kind:
 * <ul>
 * <li>ALLOCATION: source, project ({@code id} is the allocation's id)</li>
 * <li>DISBURSEMENT: source, project, allocation, payee (and household or fund when the payee is one)</li>
 * <li>MUTUAL_AID_*: fund (the mutual-aid fund), household, and loan for loans, repayments and fees</li>
 * <li>MICROCREDIT_*: loan (the microcredit), household, fund (the risk compensation fund)</li>
 * <li>RISK_COMPENSATION: fund (the risk compensation fund), loan (the defaulted microcredit), household</li>
 * </ul>
 *
 * @param id         {@code <county>-E<sequence>}
 * @param amount     yuan, scale 2, always positive; the direction comes from the kind and from {@link #reverses()}
 * @param region     where the movement happened: the project's area, the fund's village, the household's village
 * @param reverses   for a counter-entry, the id of the entry it counters; otherwise null
 * @param purpose    what the money is for
 * @param reason     why it was recorded (the audit reason)
 * @param recordedBy user id of the principal who recorded it
 */
public record LedgerEntry(
        @NotBlank String id,
        @NotNull EntryKind kind,
        @NotNull @jakarta.validation.constraints.PastOrPresent LocalDate date,
        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @NotNull RegionCode region,
        String sourceId,
        String projectId,
        String allocationId,
        @Valid Payee payee,
        String fundId,
        String loanId,
        String householdId,
        String reverses,
        @Size(max = 200) String purpose,
        String reason,
        @NotBlank String recordedBy,
        @NotNull Instant recordedAt) {

    public LedgerEntry {
        amount = Money.exact(amount);
    }

    /** Whether this is a counter-entry (冲销). */
    @JsonIgnore
    public boolean reversal() {
        return reverses != null;
    }

    /** The amount as it counts in its account: negative for a counter-entry. */
    @JsonIgnore
    public BigDecimal signedAmount() {
        return reverses == null ? amount : amount.negate();
    }
}

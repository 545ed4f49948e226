package org.jingzhun.spi.funds;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A request to allocate money of a fund source to a project (资金分配/下达). Refused when the source's unallocated
 * balance or the project's unfunded budget is smaller than the amount.
 */
public record Allocation(
        @NotBlank String sourceId,
        @NotBlank String projectId,
        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @NotNull LocalDate date) {

    public Allocation {
        amount = Money.exact(amount);
    }
}

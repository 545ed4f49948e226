package org.jingzhun.spi.policy;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Principal of a microloan repaid on a day (还本), net of reversals; interest-subsidy rules stop subsidising the
 * repaid part from that day.
 */
public record LoanRepayment(@NotNull LocalDate date,
        @NotNull @DecimalMin("0.01") @Digits(integer = 10, fraction = 2) BigDecimal amount) {
}

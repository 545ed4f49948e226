package org.jingzhun.spi.policy;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * Verified production of a household in the year (产业发展验收), e.g. 5 mu of tea or 20 pigs; awards are paid per
 * unit with caps.
 *
 * @param product product key as the policy names it, e.g. {@code tea}, {@code pig}
 */
public record OutputRecord(
        @NotBlank String product,
        @NotNull OutputUnit unit,
        @NotNull @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal quantity) {
}

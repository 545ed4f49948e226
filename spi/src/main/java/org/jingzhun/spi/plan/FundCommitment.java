package org.jingzhun.spi.plan;

import org.jingzhun.spi.funds.FundSourceKind;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money committed to a village for one year of whole-village advancement (资金连投): who commits it, from which
 * source, how much.
 *
 * @param committedBy id of the helping unit or name of the department committing the money
 */
public record FundCommitment(
        @Min(2000) @Max(2100) int year,
        @NotBlank @Size(max = 60) String committedBy,
        @NotNull FundSourceKind source,
        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal amount) {

    public FundCommitment {
        amount = org.jingzhun.spi.funds.Money.exact(amount);
    }
}

package org.jingzhun.spi.household;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** Land the household holds (土地资源), in mu (亩): arable, of which irrigated, and forest. */
public record LandHolding(
        @NotNull @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal arable,
        @NotNull @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal irrigated,
        @NotNull @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal forest) {

    /** No land at all. */
    public static LandHolding none() {
        return new LandHolding(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }
}

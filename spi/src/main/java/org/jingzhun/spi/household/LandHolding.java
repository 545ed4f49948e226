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

    /** Decimals are kept with scale 2 (rounded half-up), as every storage returns them. */
    public LandHolding {
        arable = scale2(arable);
        irrigated = scale2(irrigated);
        forest = scale2(forest);
    }

    private static BigDecimal scale2(BigDecimal v) {
        return v == null ? null : v.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** No land at all. */
    public static LandHolding none() {
        return new LandHolding(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }
}

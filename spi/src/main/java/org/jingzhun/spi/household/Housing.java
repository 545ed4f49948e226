package org.jingzhun.spi.household;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * The household's dwelling (住房情况): floor area in square metres, structure, build year and safety rating.
 */
public record Housing(
        @NotNull @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal area,
        @NotNull HousingStructure structure,
        @Min(1900) @Max(2100) Integer buildYear,
        @NotNull HousingSafety safety) {

    /** Decimals are kept with scale 2 (rounded half-up), as every storage returns them. */
    public Housing {
        area = area == null ? null : area.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** Whether the basic-needs housing guarantee (住房安全有保障) is met. */
    public boolean safe() {
        return safety == HousingSafety.SAFE;
    }
}

package org.jingzhun.spi.pairing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jingzhun.spi.region.RegionCode;

/**
 * A helping unit (帮扶单位): a city-, county- or township-level government unit, enterprise or organisation that takes
 * responsibility for poor villages (单位包村). Kept under the county whose villages it helps.
 *
 * @param id     stable id, e.g. {@code U-CITY-01}
 * @param county county the unit helps in (12-digit code of the county)
 */
public record HelpingUnit(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,40}") String id,
        @NotBlank @Size(max = 60) String name,
        @NotNull UnitLevel level,
        @NotNull RegionCode county) {
}

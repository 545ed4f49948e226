package org.jingzhun.spi.pairing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jingzhun.spi.region.RegionCode;

/**
 * A cadre (帮扶干部): an official who is responsible for poor households (干部包户), or a leader who contacts poor
 * villages. {@link #maxHouseholds()} is the most households the cadre may carry at once, set per cadre.
 *
 * @param id            stable id, e.g. {@code C-0001}
 * @param unitId        the cadre's helping unit, or null (township and village cadres)
 * @param county        county the cadre helps in (12-digit code of the county)
 * @param maxHouseholds maximum number of households paired with the cadre at the same time
 */
public record Cadre(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,40}") String id,
        @NotBlank @Size(max = 50) String name,
        @NotNull CadreRole role,
        @Size(max = 40) String unitId,
        @NotNull RegionCode county,
        @Min(0) @Max(200) int maxHouseholds) {
}

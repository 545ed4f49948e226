package org.jingzhun.spi.region;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * An administrative area (行政区划): county (区/县), township (镇/乡/街道) or village (村). Every area carries its rural
 * registered population (农村户籍人口), the denominator of poverty incidence; a village may be a designated poor
 * village (贫困村).
 *
 * @param code             12-digit statistical division code
 * @param name             official name, e.g. 梅街镇
 * @param ruralPopulation  rural registered population of the area
 * @param poor             designated poor village (meaningful for villages only)
 */
public record Region(
        @NotNull RegionCode code,
        @NotBlank @Size(max = 60) String name,
        @PositiveOrZero long ruralPopulation,
        boolean poor) {

    /** The level of this area, derived from its code. */
    @JsonIgnore
    public RegionLevel level() {
        return code.level();
    }
}

package org.jingzhun.spi.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import org.jingzhun.spi.region.RegionCode;

/**
 * What an area exit rule reads (村出列、县摘帽依据): the area, its rural registered population (农村户籍人口), the
 * poor people still counted in it, and for villages the extra indicators.
 *
 * @param poorPeople  members of households whose status still counts as poor
 * @param indicators  village indicators, {@code null} for townships and counties
 */
public record AreaFacts(RegionCode area, int year, long ruralPopulation, long poorPeople,
        VillageIndicators indicators, LocalDate asOf) {
    public AreaFacts {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(asOf, "asOf");
        if (ruralPopulation < 0 || poorPeople < 0) {
            throw new IllegalArgumentException("population counts cannot be negative");
        }
    }

    /** Poverty incidence (贫困发生率) as a percentage with two decimals (0 for an empty area). */
    public BigDecimal incidencePercent() {
        if (ruralPopulation == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(poorPeople).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(ruralPopulation), 2, RoundingMode.HALF_UP);
    }
}

package org.jingzhun.core.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;

/**
 * Registry figures of one area (county, township or village) at the time of reading: active registered households
 * and people, the poor among them, rural population and poverty incidence (贫困发生率 = poor people ÷ rural registered
 * population), households by status and by main cause.
 *
 * @param households active (not removed) registered households
 * @param people     members of those households
 */
public record RegionStatistics(
        RegionCode code,
        String name,
        RegionLevel level,
        boolean poorVillage,
        long ruralPopulation,
        long households,
        long people,
        long poorHouseholds,
        long poorPeople,
        Map<PovertyStatus, Long> householdsByStatus,
        Map<PovertyCause, Long> poorByMainCause) {

    public RegionStatistics {
        householdsByStatus = Map.copyOf(householdsByStatus);
        poorByMainCause = Map.copyOf(poorByMainCause);
    }

    /** Poverty incidence in percent, two decimals; zero for an area without rural population. */
    public BigDecimal incidencePercent() {
        if (ruralPopulation == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(poorPeople * 100).divide(BigDecimal.valueOf(ruralPopulation), 2,
                RoundingMode.HALF_UP);
    }

    public long householdsWith(PovertyStatus status) {
        return householdsByStatus.getOrDefault(status, 0L);
    }
}

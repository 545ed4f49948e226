package org.jingzhun.spi.storage;

import java.util.Objects;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;

/**
 * An area breakdown asked of storage (分区汇总查询): the households inside {@code area}, grouped by the area at
 * {@code groupLevel} that holds their region, by status and by main cause, each group with its number of households
 * and of people. One query answers the statistics of every village (or township) of a province, where a backend can
 * count where the rows are (SQL {@code GROUP BY}) instead of handing every household to the caller.
 *
 * @param area       the area to count; a household counts when its region lies inside it
 * @param groupLevel the level of the groups; a household whose region is coarser than this level (a township
 *                   household grouped by village) is grouped under its own region
 */
public record AreaAggregateQuery(RegionCode area, RegionLevel groupLevel) {
    public AreaAggregateQuery {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(groupLevel, "groupLevel");
        if (groupLevel.ordinal() < area.level().ordinal()) {
            throw new IllegalArgumentException("groups at " + groupLevel + " cannot split the " + area.level() + " "
                    + area);
        }
    }

    /** Groups the households inside {@code area} by village: the finest breakdown, from which any coarser rolls up. */
    public static AreaAggregateQuery byVillage(RegionCode area) {
        return new AreaAggregateQuery(area, RegionLevel.VILLAGE);
    }

    /** The group a household of {@code region} falls in: the region cut to the group level's digits. */
    public RegionCode groupOf(RegionCode region) {
        String digits = region.value().substring(0, groupLevel.significantDigits());
        return new RegionCode((digits + "000000000000").substring(0, 12));
    }
}

package org.jingzhun.spi.storage;

import java.util.Objects;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.region.RegionCode;

/**
 * One group of an {@link AreaAggregateQuery} (分区汇总行): the households of one area with one status and one main
 * cause, and the people in them (their members).
 *
 * @param area       the group's area at the query's level
 * @param status     the households' status
 * @param mainCause  the households' main poverty cause
 * @param households how many households
 * @param people     how many members those households have in all
 */
public record AreaAggregate(RegionCode area, PovertyStatus status, PovertyCause mainCause, long households,
        long people) {
    public AreaAggregate {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mainCause, "mainCause");
        if (households < 1 || people < 0) {
            throw new IllegalArgumentException("a group has households and no negative people: " + households
                    + ", " + people);
        }
    }

    /** Orders groups as {@link HouseholdRepository#aggregate} returns them: area, then status and cause codes. */
    public static final java.util.Comparator<AreaAggregate> ORDER = java.util.Comparator
            .comparing(AreaAggregate::area)
            .thenComparing(a -> a.status().code())
            .thenComparing(a -> a.mainCause().code());
}

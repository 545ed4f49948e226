package org.jingzhun.spi.target;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;

/**
 * An annual poverty-reduction target (年度减贫任务) of one area: how many poor households and people are to exit in the
 * year. The county's target is set by hand; township and village targets are decomposed from it, and a village's
 * target names the households planned to exit (落实到户).
 *
 * @param area             the county, township or village
 * @param households       households to exit in the year
 * @param people           people to exit in the year; below a set county target, and for the county once decomposed,
 *                          the people of the planned households beneath
 * @param poorHouseholds   poor households remaining in the area when the target was set or decomposed
 * @param poorPeople       poor people remaining in the area when the target was set or decomposed
 * @param plannedHouseholds for a village: ids of the households planned to exit (exactly {@code households} of them);
 *                          empty above village level
 * @param plannedPeople    for a village: people living in the planned households, which a decomposed village's
 *                          {@code people} equals (whole households exit); 0 above village level
 */
public record ReductionTarget(
        @NotNull RegionCode area,
        @Min(2000) @Max(2100) int year,
        @PositiveOrZero int households,
        @PositiveOrZero int people,
        @PositiveOrZero int poorHouseholds,
        @PositiveOrZero int poorPeople,
        @NotNull List<@NotNull String> plannedHouseholds,
        @PositiveOrZero int plannedPeople) {

    public ReductionTarget {
        plannedHouseholds = plannedHouseholds == null ? List.of() : List.copyOf(plannedHouseholds);
    }

    /** The document id: {@code <area code>/<year>}. */
    public static String idOf(RegionCode area, int year) {
        return area.value() + "/" + year;
    }

    @JsonIgnore
    public String id() {
        return idOf(area, year);
    }

    @JsonIgnore
    public RegionLevel level() {
        return area.level();
    }
}

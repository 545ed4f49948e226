package org.jingzhun.spi.target;

import java.util.List;
import org.jingzhun.spi.region.RegionCode;

/**
 * Progress against an annual reduction target (减贫任务完成情况) at one level, with the same for every child area:
 * households and people targeted against those actually exited. A planned household counts as exited when its
 * status is EXITED; an area's figures are the sums of its children's.
 *
 * @param name              area name as the region directory knows it
 * @param exitedHouseholds  planned households now exited
 * @param exitedPeople      people of the planned households now exited
 * @param children          progress of the child areas (townships of a county, villages of a township), code order
 */
public record TargetProgress(
        RegionCode area,
        String name,
        int year,
        int targetHouseholds,
        int targetPeople,
        int exitedHouseholds,
        int exitedPeople,
        List<TargetProgress> children) {

    public TargetProgress {
        children = List.copyOf(children);
    }

    /** Share of the household target achieved, 0–1 (1 when the target is 0). */
    public double householdRate() {
        return targetHouseholds == 0 ? 1.0 : Math.min(1.0, exitedHouseholds / (double) targetHouseholds);
    }

    /** Whether the household and people targets are both met. */
    public boolean achieved() {
        return exitedHouseholds >= targetHouseholds && exitedPeople >= targetPeople;
    }
}

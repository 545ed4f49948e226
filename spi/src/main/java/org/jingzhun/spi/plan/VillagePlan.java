package org.jingzhun.spi.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.jingzhun.spi.region.RegionCode;

/**
 * A village's plan for one year (一村一策): the development goal (村有发展目标), the village-level needs and the
 * projects that answer them. Household plans of the village's households are separate ({@link HouseholdPlan}).
 *
 * @param village the village (12-digit code)
 * @param goal    the development goal in words
 */
public record VillagePlan(
        @NotNull RegionCode village,
        @Min(2000) @Max(2100) int year,
        @NotBlank @Size(max = 500) String goal,
        @NotNull @Size(max = 30) List<@Valid @NotNull Need> needs,
        @NotNull @Size(max = 100) List<@Valid @NotNull VillageProject> projects) {

    public VillagePlan {
        needs = needs == null ? List.of() : List.copyOf(needs);
        projects = projects == null ? List.of() : List.copyOf(projects);
    }

    /** The document id: {@code <village code>/<year>}. */
    public static String idOf(RegionCode village, int year) {
        return village.value() + "/" + year;
    }

    @JsonIgnore
    public String id() {
        return idOf(village, year);
    }

    public Optional<VillageProject> project(String projectId) {
        return projects.stream().filter(p -> p.id().equals(projectId)).findFirst();
    }
}

package org.jingzhun.spi.plan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A helping unit's commitment to stay with a village for whole-village advancement (包村单位连帮), from one year to
 * another inclusive.
 *
 * @param unitId id of the helping unit
 */
public record UnitCommitment(
        @NotBlank @Size(max = 40) String unitId,
        @Min(2000) @Max(2100) int fromYear,
        @Min(2000) @Max(2100) int toYear) {

    /** Whether the commitment covers {@code year}. */
    public boolean covers(int year) {
        return fromYear <= year && year <= toYear;
    }
}

package org.jingzhun.spi.household;

import java.util.Objects;
import org.jingzhun.spi.region.RegionCode;

/**
 * A household's registry line without its members or card details: what counting and selecting need (statistics,
 * targets, pairing coverage). Storage reads it without decoding members.
 *
 * @param id             household id
 * @param region         the village (or other area) the household belongs to
 * @param status         where the household stands
 * @param mainCause      the main poverty cause
 * @param size           number of members
 * @param identifiedYear year the household was first identified
 */
public record HouseholdSummary(String id, RegionCode region, PovertyStatus status, PovertyCause mainCause, int size,
        int identifiedYear) {

    public HouseholdSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mainCause, "mainCause");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }

    /** The summary of a full household. */
    public static HouseholdSummary of(Household h) {
        return new HouseholdSummary(h.id(), h.region(), h.status(), h.mainCause(), h.size(), h.identifiedYear());
    }
}

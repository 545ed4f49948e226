package org.jingzhun.spi.monitoring;

import java.util.Objects;
import org.jingzhun.spi.person.CitizenId;

/**
 * A sector's warning about a person (部门预警线索), e.g. a hospital bill far above income or a flooded house, matched
 * by citizen ID. Core opens a monitoring lead for the person's household.
 *
 * @param source name of the source that raised it
 * @param detail what the sector recorded, e.g. {@code 住院自付 38,000 元}; shown to cadres, never on a notice
 */
public record MonitoringLead(String source, LeadSector sector, CitizenId citizenId, String detail) {
    public MonitoringLead {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(citizenId, "citizenId");
        detail = detail == null ? "" : detail;
    }
}

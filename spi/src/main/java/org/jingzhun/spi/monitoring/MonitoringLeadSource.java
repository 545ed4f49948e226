package org.jingzhun.spi.monitoring;

import java.util.Collection;
import java.util.List;
import org.jingzhun.spi.person.CitizenId;

/**
 * A sector's data push for relapse monitoring (部门数据推送): medical costs, disasters, civil affairs, employment.
 * Matched by citizen ID like a cross-check source. Implementations must be thread-safe and return only leads for
 * the IDs asked about, for the year asked about.
 */
public interface MonitoringLeadSource {
    /** Stable name, e.g. {@code medical-insurance-bills}. */
    String name();

    /** The sector the source speaks for. */
    LeadSector sector();

    /** Every warning of {@code year} about a person among {@code ids}. */
    List<MonitoringLead> leads(Collection<CitizenId> ids, int year);
}

package org.jingzhun.core.funds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jingzhun.spi.funds.ProjectCategory;
import org.jingzhun.spi.plan.MeasureType;
import org.jingzhun.spi.region.RegionCode;

/**
 * What donors can still fund in an area (社会扶贫平台 needs list): open projects with their unmet budget, and household
 * needs planned to be paid by social donation, summed per village and kind of measure. Built for the public: it holds
 * no personal data at all (no household, member, citizen ID, phone, bank account, address or free-text description),
 * and household needs are sums per village and kind so no single household can be picked out by its row.
 *
 * @param projects       open projects with money still unmet, region then project id order
 * @param householdNeeds household needs by village and kind, in that order
 */
public record OpenNeeds(RegionCode area, List<ProjectNeed> projects, List<HouseholdNeed> householdNeeds) {

    public OpenNeeds {
        projects = List.copyOf(projects);
        householdNeeds = List.copyOf(householdNeeds);
    }

    /**
     * A project still taking money.
     *
     * @param committed money allocated to it plus donors' pledges not yet received
     * @param unmet     budget minus committed, above zero
     */
    public record ProjectNeed(String projectId, RegionCode region, String regionName, String name,
            ProjectCategory category, int year, LocalDate deadline, BigDecimal budget, BigDecimal committed,
            BigDecimal unmet) {
    }

    /**
     * Unfinished household-plan measures of one kind in one village whose funding is social donation.
     *
     * @param households how many households have such a measure
     * @param amount     the measures' cost, yuan
     */
    public record HouseholdNeed(RegionCode village, String villageName, MeasureType kind, int households,
            BigDecimal amount) {
    }
}

package org.jingzhun.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingzhun.core.Fixtures.COUNTY;
import static org.jingzhun.core.Fixtures.COUNTY_OFFICER;
import static org.jingzhun.core.Fixtures.TOWN_A;
import static org.jingzhun.core.Fixtures.VILLAGE_A1;
import static org.jingzhun.core.Fixtures.VILLAGE_B1;
import static org.jingzhun.core.Fixtures.household;

import java.util.List;
import org.jingzhun.core.statistics.RegionStatistics;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.PovertyStatus;
import org.junit.jupiter.api.Test;

class StatisticsServiceTest {

    @Test
    void incidenceRollsUpFromVillagesAndIgnoresExitedAndRemoved() {
        try (Jingzhun jz = Fixtures.newJingzhun()) {
            List<Household> hs = jz.registry().registerAll(COUNTY_OFFICER, List.of(
                    household(VILLAGE_A1, 10, 3), household(VILLAGE_A1, 20, 2), household(VILLAGE_B1, 30, 4)),
                    "baseline");
            Household exited = hs.get(1);
            jz.registry().amend(COUNTY_OFFICER, exited.toBuilder().status(PovertyStatus.EXITED).build(), "exit");
            Household wrong = hs.get(2);
            jz.registry().remove(COUNTY_OFFICER, wrong.id(), wrong.version(), "wrong registration");

            List<RegionStatistics> rows = jz.statistics().breakdown(COUNTY_OFFICER, COUNTY);
            RegionStatistics county = rows.get(0);
            assertThat(county.code()).isEqualTo(COUNTY);
            assertThat(county.households()).isEqualTo(2);
            assertThat(county.people()).isEqualTo(5);
            assertThat(county.poorPeople()).isEqualTo(3);
            assertThat(county.householdsWith(PovertyStatus.REMOVED)).isEqualTo(1);
            // 3 poor people of a rural population of 537,000.
            assertThat(county.incidencePercent()).isEqualByComparingTo("0.00");
            RegionStatistics village = rows.stream().filter(r -> r.code().equals(VILLAGE_A1)).findFirst().orElseThrow();
            assertThat(village.poorVillage()).isTrue();
            assertThat(village.incidencePercent()).isEqualByComparingTo("0.13"); // 3 / 2,400
            assertThat(village.poorByMainCause()).containsEntry(PovertyCause.ILLNESS, 1L);
            RegionStatistics town = jz.statistics().summary(Principal.officer("t", TOWN_A), COUNTY);
            assertThat(town.code()).isEqualTo(TOWN_A);
            assertThat(town.poorPeople()).isEqualTo(3);
        }
    }
}

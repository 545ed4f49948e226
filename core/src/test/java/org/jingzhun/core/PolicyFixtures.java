package org.jingzhun.core;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jingzhun.core.policy.TestPack;
import org.jingzhun.spi.crosscheck.CrossCheckSource;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.region.Region;
import org.jingzhun.storage.memory.MemoryStoragePlugin;

/** A Jingzhun with the test policy pack, a movable clock and optional cross-check sources. */
final class PolicyFixtures {
    private PolicyFixtures() {
    }

    static Jingzhun newJingzhun(MutableClock clock, CrossCheckSource... sources) {
        JingzhunBuilder b = Jingzhun.builder().plugin(new MemoryStoragePlugin()).storage("memory").clock(clock)
                .policyPack(TestPack.national());
        for (CrossCheckSource s : sources) {
            b.crossCheckSource(s);
        }
        Jingzhun jz = b.build();
        jz.regions().define(Fixtures.COUNTY_OFFICER, List.of(
                new Region(Fixtures.COUNTY, "贵池区", 537_000, false),
                new Region(Fixtures.TOWN_A, "梅街镇", 30_000, false),
                new Region(Fixtures.TOWN_B, "棠溪镇", 20_000, false),
                new Region(Fixtures.VILLAGE_A1, "刘街村", 1_000, true),
                new Region(Fixtures.VILLAGE_A2, "源溪村", 1_000, false),
                new Region(Fixtures.VILLAGE_B1, "石门村", 2_100, true),
                new Region(Fixtures.VILLAGE_B2, "百安村", 1_700, false)), "regions");
        return jz;
    }

    /** An income statement whose per-capita net income is exactly {@code perCapita}. */
    static IncomeStatement income(String householdId, int year, int size, String perCapita) {
        BigDecimal total = new BigDecimal(perCapita).multiply(BigDecimal.valueOf(size));
        return new IncomeStatement(householdId, year, Map.of(IncomeItem.WAGES, total), BigDecimal.ZERO, size, 0);
    }
}

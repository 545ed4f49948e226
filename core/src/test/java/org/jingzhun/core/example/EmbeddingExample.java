package org.jingzhun.core.example;

import java.util.List;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.core.registry.HistoryEntry;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.AccessDeniedException;
import org.jingzhun.spi.household.HealthStatus;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.storage.memory.MemoryStoragePlugin;

/** The README's embedding example, compiled and run by ReadmeExampleTest so the README never lies. */
public final class EmbeddingExample {
    private EmbeddingExample() {
    }

    /** Runs the example and returns the household's history. */
    public static List<HistoryEntry> run() {
        // readme:begin
        try (Jingzhun jz = Jingzhun.builder()
                .plugin(new MemoryStoragePlugin())          // or new JdbcStoragePlugin() with "jdbc"
                .storage("memory")
                .build()) {
            RegionCode county = RegionCode.of("341702");             // 贵池区
            RegionCode town = RegionCode.of("341702100000");         // a township
            RegionCode village = RegionCode.of("341702100201");      // a village in it
            Principal countyClerk = Principal.officer("clerk-01", county);
            jz.regions().define(countyClerk, List.of(
                    new Region(county, "贵池区", 537_000, false),
                    new Region(town, "梅街镇", 30_000, false),
                    new Region(village, "刘街村", 2_400, true)), "division list 2014");

            Household household = jz.registry().register(countyClerk, Household.builder()
                    .region(village)
                    .mainCause(PovertyCause.ILLNESS)
                    .members(List.of(
                            Member.of("张大山", CitizenId.parse("34170219650302001X"), Relationship.HEAD),
                            Member.of("李秀英", CitizenId.parse("341702196708120022"), Relationship.SPOUSE)))
                    .build(), "2014 baseline registration");

            Member spouse = household.members().get(1).withHealth(HealthStatus.CHRONIC_ILLNESS);
            Household amended = jz.registry().amend(countyClerk, household.toBuilder()
                    .members(List.of(household.members().get(0), spouse)).build(), "diagnosed 2015");

            List<HistoryEntry> history = jz.registry().history(countyClerk, amended.id());
            history.forEach(e -> System.out.println(e.action() + " " + e.reason() + " " + e.changes()));

            Principal otherTown = Principal.officer("clerk-02", RegionCode.of("341702101000"));
            try {
                jz.registry().amend(otherTown, amended, "not my village");
            } catch (AccessDeniedException refused) {
                System.out.println(refused.messageZh());             // zh-CN message for the portal
            }
            // readme:end
            return history;
        }
    }
}

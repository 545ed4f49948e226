package org.jingzhun.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.core.testsupport.Households;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.AccessDeniedException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.funds.FundSourceKind;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.plan.HouseholdPlan;
import org.jingzhun.spi.plan.Measure;
import org.jingzhun.spi.plan.MeasureStatus;
import org.jingzhun.spi.plan.MeasureType;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.storage.memory.MemoryStoragePlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Overdue measures and the roll-up of measures by area, type and status, through the facade on storage-memory. */
class MeasureOverdueAndRollupTest {
    static final RegionCode COUNTY = RegionCode.of("341702000000");
    static final RegionCode MEIJIE = RegionCode.of("341702100000");
    static final RegionCode LIUJIE = RegionCode.of("341702100201");
    static final RegionCode TANGXI = RegionCode.of("341702101000");
    static final RegionCode SHANGCUN = RegionCode.of("341702101201");
    static final LocalDate AS_OF = LocalDate.of(2017, 9, 1);

    final Principal admin = Principal.officer("county-admin", COUNTY);
    final Households gen = new Households();
    Jingzhun jz;
    Household a;
    Household b;
    Household c;

    @BeforeEach
    void setUp() {
        jz = Jingzhun.builder().plugin(new MemoryStoragePlugin()).storage("memory")
                .clock(Clock.fixed(Instant.parse("2017-09-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"))).build();
        jz.regions().define(admin, List.of(new Region(COUNTY, "贵池区", 400_000, false),
                new Region(MEIJIE, "梅街镇", 30_000, false), new Region(LIUJIE, "刘街村", 2_000, true),
                new Region(TANGXI, "棠溪镇", 20_000, false), new Region(SHANGCUN, "上村", 1_800, true)),
                "division list");
        a = jz.registry().register(admin, gen.household(LIUJIE, 3, PovertyCause.ILLNESS).build(), "baseline");
        b = jz.registry().register(admin, gen.household(LIUJIE, 2, PovertyCause.LACK_OF_CAPITAL).build(), "baseline");
        c = jz.registry().register(admin, gen.household(SHANGCUN, 4, PovertyCause.LACK_OF_SKILLS).build(),
                "baseline");
        plan(a, 2017, List.of(
                measure("M1", MeasureType.INDUSTRY, "1200.00", LocalDate.of(2017, 5, 1), MeasureStatus.PLANNED),
                measure("M2", MeasureType.HEALTH, "800.50", LocalDate.of(2017, 8, 31), MeasureStatus.IN_PROGRESS),
                measure("M3", MeasureType.INDUSTRY, "300.00", LocalDate.of(2017, 3, 1), MeasureStatus.DONE)));
        plan(b, 2017, List.of(
                measure("M1", MeasureType.INDUSTRY, "500.00", LocalDate.of(2017, 9, 1), MeasureStatus.PLANNED),
                measure("M2", MeasureType.EDUCATION, "1000.00", LocalDate.of(2017, 1, 1), MeasureStatus.DROPPED)));
        plan(c, 2017, List.of(
                measure("M1", MeasureType.INDUSTRY, "2000.00", LocalDate.of(2017, 7, 1), MeasureStatus.IN_PROGRESS)));
        // A plan of the year before whose measure was never finished is still overdue.
        plan(c, 2016, List.of(
                measure("M9", MeasureType.HOUSING_RENOVATION, "5000.00", LocalDate.of(2016, 12, 31),
                        MeasureStatus.PLANNED)));
    }

    @AfterEach
    void tearDown() {
        jz.close();
    }

    @Test
    void overdueMeansPastTheDeadlineAndNeitherDoneNorDroppedMostLateFirst() {
        List<OverdueMeasure> overdue = jz.plans().overdueMeasures(admin, COUNTY, AS_OF);
        // a/M3 is done, b/M2 dropped, b/M1 due on the day itself: none of them is late.
        assertThat(overdue).extracting(o -> o.householdId() + "/" + o.year() + "/" + o.measure().id())
                .containsExactly(c.id() + "/2016/M9", a.id() + "/2017/M1", c.id() + "/2017/M1",
                        a.id() + "/2017/M2");
        assertThat(overdue).extracting(OverdueMeasure::daysLate).containsExactly(244L, 123L, 62L, 1L);
        assertThat(overdue.get(1).village()).isEqualTo(LIUJIE);
        assertThat(overdue.get(1).deadline()).isEqualTo(LocalDate.of(2017, 5, 1));

        assertThat(jz.plans().overdueMeasures(admin, LIUJIE, AS_OF)).extracting(OverdueMeasure::householdId)
                .containsOnly(a.id());
        assertThat(jz.plans().overdueMeasures(admin, COUNTY, LocalDate.of(2016, 1, 1))).isEmpty();
    }

    @Test
    void readsAreNarrowedToThePrincipalsScopeAndRefusedOutsideIt() {
        Principal town = Principal.viewer("meijie-viewer", MEIJIE);
        assertThat(jz.plans().overdueMeasures(town, COUNTY, AS_OF)).extracting(OverdueMeasure::village)
                .containsOnly(LIUJIE);
        assertThatThrownBy(() -> jz.plans().overdueMeasures(town, SHANGCUN, AS_OF))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> jz.plans().measureRollup(town, TANGXI, 2017, RegionLevel.VILLAGE, AS_OF))
                .isInstanceOf(AccessDeniedException.class);
        MeasureRollup narrowed = jz.plans().measureRollup(town, COUNTY, 2017, RegionLevel.TOWNSHIP, AS_OF);
        assertThat(narrowed.area()).isEqualTo(MEIJIE);
        assertThat(narrowed.lines()).extracting(MeasureRollup.Line::area).containsOnly(MEIJIE);
    }

    @Test
    void rollUpCountsAndCostsByAreaTypeAndStatus() {
        MeasureRollup byTown = jz.plans().measureRollup(admin, COUNTY, 2017, RegionLevel.TOWNSHIP, AS_OF);
        assertThat(byTown.lines()).extracting(l -> l.area() + " " + l.type() + " " + l.status() + " " + l.measures()
                + " " + l.cost() + " " + l.overdue()).containsExactly(
                        MEIJIE + " INDUSTRY PLANNED 2 1700.00 1",
                        MEIJIE + " INDUSTRY DONE 1 300.00 0",
                        MEIJIE + " EDUCATION DROPPED 1 1000.00 0",
                        MEIJIE + " HEALTH IN_PROGRESS 1 800.50 1",
                        TANGXI + " INDUSTRY IN_PROGRESS 1 2000.00 1");
        assertThat(byTown.totalMeasures()).isEqualTo(6);
        // The dropped education measure does not count in the cost.
        assertThat(byTown.totalCost()).isEqualByComparingTo("4800.50");

        MeasureRollup byVillage = jz.plans().measureRollup(admin, MEIJIE, 2016, RegionLevel.VILLAGE, AS_OF);
        assertThat(byVillage.lines()).isEmpty();
        assertThat(jz.plans().measureRollup(admin, SHANGCUN, 2016, RegionLevel.VILLAGE, AS_OF).lines())
                .singleElement().satisfies(l -> {
                    assertThat(l.type()).isEqualTo(MeasureType.HOUSING_RENOVATION);
                    assertThat(l.overdue()).isEqualTo(1);
                });
        assertThatThrownBy(() -> jz.plans().measureRollup(admin, MEIJIE, 2017, RegionLevel.COUNTY, AS_OF))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations()).extracting(v -> v.code())
                        .containsExactly("plan.rollup_level"));
    }

    private void plan(Household h, int year, List<Measure> measures) {
        jz.plans().saveHouseholdPlan(admin, new HouseholdPlan(h.id(), h.region(), year, new BigDecimal("3100.00"),
                null, List.of(), measures), 0, "一户一策");
    }

    private static Measure measure(String id, MeasureType type, String cost, LocalDate deadline,
            MeasureStatus status) {
        return new Measure(id, type, type.label(), new BigDecimal(cost), BigDecimal.ZERO, FundSourceKind.COUNTY_FISCAL,
                null, deadline, status, List.of());
    }
}

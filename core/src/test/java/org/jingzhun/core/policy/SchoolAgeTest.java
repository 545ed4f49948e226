package org.jingzhun.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;
import org.jingzhun.spi.policy.EffectivePeriod;
import org.jingzhun.spi.policy.PolicyPack;
import org.jingzhun.spi.policy.RegionScope;
import org.jingzhun.spi.policy.SchoolAge;
import org.jingzhun.spi.region.RegionCode;
import org.junit.jupiter.api.Test;

/** One school-age definition (义务教育年龄) resolved by the engine per region and date. */
class SchoolAgeTest {
    static final LocalDate FROM = LocalDate.of(2014, 1, 1);
    static final RegionCode ANHUI = RegionCode.of("341702100201");
    static final RegionCode GANSU = RegionCode.of("620102100201");

    static PolicyPack pack(String name, RegionScope scope, SchoolAge ages) {
        return new PolicyPack() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public RegionScope regionScope() {
                return scope;
            }

            @Override
            public EffectivePeriod effectivePeriod() {
                return EffectivePeriod.from(FROM);
            }

            @Override
            public Optional<SchoolAge> schoolAge() {
                return Optional.ofNullable(ages);
            }
        };
    }

    @Test
    void theMostSpecificPackSettingItWinsElseTheDefault() {
        SchoolAge sevenToFifteen = new SchoolAge(7, 15, MonthDay.of(9, 1));
        SchoolAge anhui = new SchoolAge(6, 14, MonthDay.of(8, 31));
        PolicyEngine engine = new PolicyEngine(List.of(pack("nat", RegionScope.national(), sevenToFifteen),
                pack("anhui", RegionScope.ofPrefix("34"), anhui), pack("chizhou", RegionScope.ofPrefix("3417"), null)),
                c -> List.of());
        LocalDate day = LocalDate.of(2016, 5, 1);
        assertThat(engine.schoolAge(ANHUI, day)).as("the city pack sets none").isEqualTo(anhui);
        assertThat(engine.schoolAge(GANSU, day)).isEqualTo(sevenToFifteen);
        assertThat(engine.schoolAge(ANHUI, LocalDate.of(2013, 1, 1))).as("no pack in force")
                .isEqualTo(SchoolAge.defaults());
        assertThat(new PolicyEngine(List.of(), c -> List.of()).schoolAge(ANHUI, day))
                .isEqualTo(new SchoolAge(6, 15, MonthDay.of(9, 1)));
    }

    @Test
    void agesAreCountedOnTheStartOfTheSchoolYearRunningOnTheDate() {
        SchoolAge ages = SchoolAge.defaults();
        LocalDate born = LocalDate.of(2010, 9, 1);
        assertThat(ages.covers(born, LocalDate.of(2016, 8, 31))).as("five on 1 Sep 2015").isFalse();
        assertThat(ages.covers(born, LocalDate.of(2016, 9, 1))).as("six on 1 Sep 2016").isTrue();
        assertThat(ages.covers(LocalDate.of(2010, 9, 2), LocalDate.of(2016, 12, 31))).isFalse();
        assertThat(ages.covers(LocalDate.of(2000, 9, 1), LocalDate.of(2016, 12, 31))).as("sixteen").isFalse();
        assertThat(ages.covers(LocalDate.of(2000, 9, 2), LocalDate.of(2016, 12, 31))).as("fifteen").isTrue();
        assertThat(ages.covers(LocalDate.of(2017, 1, 1), LocalDate.of(2016, 12, 31))).as("not born").isFalse();
        assertThatThrownBy(() -> new SchoolAge(16, 6, MonthDay.of(9, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

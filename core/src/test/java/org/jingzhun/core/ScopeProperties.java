package org.jingzhun.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.AccessDeniedException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.PageRequest;

/** No principal ever reads a household outside its region scope, whatever area it asks for. */
class ScopeProperties {
    private static Jingzhun jz;

    @BeforeContainer
    static void registerDistrict() {
        jz = Fixtures.newJingzhun();
        int seq = 100;
        for (RegionCode v : Fixtures.VILLAGES) {
            for (int i = 0; i < 5; i++) {
                jz.registry().register(Fixtures.COUNTY_OFFICER, Fixtures.household(v, seq, 2), "baseline");
                seq += 2;
            }
        }
    }

    @AfterContainer
    static void close() {
        jz.close();
    }

    @Provide
    Arbitrary<RegionCode> areas() {
        return Arbitraries.of(List.of(Fixtures.COUNTY, Fixtures.TOWN_A, Fixtures.TOWN_B, Fixtures.VILLAGE_A1,
                Fixtures.VILLAGE_A2, Fixtures.VILLAGE_B1, Fixtures.VILLAGE_B2));
    }

    @Property(tries = 200)
    void searchesNeverLeaveTheScope(@ForAll("areas") RegionCode scope, @ForAll("areas") RegionCode asked,
            @ForAll("pageSizes") int pageSize) {
        Principal p = Principal.officer("p", scope);
        try {
            PageRequest page = PageRequest.first(pageSize);
            while (true) {
                var result = jz.registry().search(p, asked, page);
                for (Household h : result.items()) {
                    assertThat(scope.contains(h.region())).isTrue();
                    assertThat(asked.contains(h.region())).isTrue();
                    assertThat(jz.registry().find(p, h.id())).isPresent();
                }
                if (!result.hasNext()) {
                    break;
                }
                page = result.next();
            }
        } catch (AccessDeniedException e) {
            assertThat(scope.contains(asked) || asked.contains(scope)).isFalse();
        }
    }

    @Property(tries = 100)
    void directReadsOutsideScopeFindNothing(@ForAll("areas") RegionCode scope) {
        Principal p = Principal.officer("p", scope);
        for (Household h : jz.registry().search(Fixtures.COUNTY_OFFICER, Fixtures.COUNTY, PageRequest.first(100))
                .items()) {
            assertThat(jz.registry().find(p, h.id()).isPresent()).isEqualTo(scope.contains(h.region()));
        }
    }

    @Provide
    Arbitrary<Integer> pageSizes() {
        return Arbitraries.integers().between(1, 25);
    }
}

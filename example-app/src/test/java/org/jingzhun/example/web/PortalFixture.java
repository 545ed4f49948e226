package org.jingzhun.example.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.example.district.DistrictGenerator;
import org.jingzhun.example.district.DistrictProfile;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.storage.PageRequest;
import org.jingzhun.storage.memory.MemoryStoragePlugin;

/**
 * A small generated district (Guichi shape at 1%) in memory storage for the portal tests: regions, the 2014 baseline
 * households, incomes for 2014 and 2015 of the first households, one household whose phone was amended and one that
 * exited, so the card, incomes and history pages all have something to show.
 */
final class PortalFixture implements AutoCloseable {
    final Jingzhun jz;
    final DistrictGenerator generator;
    final List<Region> regions;
    final Principal officer;
    /** The household whose phone was amended (history: register, record-income ×2, amend). */
    final Household amended;
    final String oldPhone;
    final Household exited;

    PortalFixture() {
        jz = Jingzhun.builder().plugin(new MemoryStoragePlugin()).storage("memory").build();
        generator = new DistrictGenerator(DistrictProfile.guichi().scaled(0.01), 20140101L);
        officer = Principal.officer("county-officer", generator.county());
        regions = generator.regions();
        jz.regions().define(officer, regions, "division list 2014");
        List<Household> stored = jz.registry().registerAll(officer, generator.baselineHouseholds(regions),
                "2014 baseline registration");
        List<IncomeStatement> incomes = new ArrayList<>();
        for (Household h : stored.subList(0, 10)) {
            incomes.add(generator.incomeAt(h, 2014, new BigDecimal("2100.00")));
            incomes.add(generator.incomeAt(h, 2015, new BigDecimal("3050.50")));
        }
        jz.registry().recordIncomes(officer, incomes, "2014/2015 income survey");
        Household first = stored.get(0);
        oldPhone = first.phone();
        amended = jz.registry().amend(officer, first.toBuilder().phone("13912345678").build(),
                "phone number changed");
        Household second = stored.get(1);
        exited = jz.registry().amend(officer, second.toBuilder().status(PovertyStatus.EXITED).build(),
                "2015 exit verified");
    }

    /** Every household of the county, read back from the registry. */
    List<Household> households() {
        return jz.registry().search(officer, generator.county(), PageRequest.first(PageRequest.MAX_LIMIT)).items();
    }

    @Override
    public void close() {
        jz.close();
    }
}

package org.jingzhun.core;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.function.Consumer;
import org.jingzhun.core.pairing.PairingService;
import org.jingzhun.core.plan.FourListsService;
import org.jingzhun.core.plan.PlanService;
import org.jingzhun.core.registry.HouseholdRegistry;
import org.jingzhun.core.registry.RegionDirectory;
import org.jingzhun.core.target.TargetPlanner;
import org.jingzhun.core.statistics.StatisticsService;

/**
 * Guice module for hosts that use dependency injection: configure the same builder in the constructor, then inject
 * {@link Jingzhun} or any capability (HouseholdRegistry, RegionDirectory, …). The instance is a singleton; the host
 * closes it on shutdown.
 */
public final class JingzhunModule extends AbstractModule {
    private final Consumer<JingzhunBuilder> configurer;

    public JingzhunModule(Consumer<JingzhunBuilder> configurer) {
        this.configurer = configurer;
    }

    @Provides
    @Singleton
    Jingzhun jingzhun() {
        JingzhunBuilder b = Jingzhun.builder();
        configurer.accept(b);
        return b.build();
    }

    @Provides
    HouseholdRegistry registry(Jingzhun jz) {
        return jz.registry();
    }

    @Provides
    RegionDirectory regions(Jingzhun jz) {
        return jz.regions();
    }

    @Provides
    PlanService plans(Jingzhun jz) {
        return jz.plans();
    }

    @Provides
    FourListsService fourLists(Jingzhun jz) {
        return jz.fourLists();
    }

    @Provides
    TargetPlanner targets(Jingzhun jz) {
        return jz.targets();
    }

    @Provides
    PairingService pairing(Jingzhun jz) {
        return jz.pairing();
    }

    @Provides
    StatisticsService statistics(Jingzhun jz) {
        return jz.statistics();
    }
}

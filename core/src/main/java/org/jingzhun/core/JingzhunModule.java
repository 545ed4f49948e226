package org.jingzhun.core;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.function.Consumer;
import org.jingzhun.core.pairing.PairingService;
import org.jingzhun.core.plan.FourListsService;
import org.jingzhun.core.plan.PlanService;
import org.jingzhun.core.benefit.BenefitStatementService;
import org.jingzhun.core.crosscheck.CrossCheckService;
import org.jingzhun.core.funds.FundsService;
import org.jingzhun.core.identification.DynamicAdjustment;
import org.jingzhun.core.identification.ExitWorkflow;
import org.jingzhun.core.identification.IdentificationWorkflow;
import org.jingzhun.core.monitoring.MonitoringService;
import org.jingzhun.core.policy.PolicyService;
import org.jingzhun.core.quality.QualityService;
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
    PolicyService policies(Jingzhun jz) {
        return jz.policies();
    }

    @Provides
    IdentificationWorkflow identification(Jingzhun jz) {
        return jz.identification();
    }

    @Provides
    ExitWorkflow exits(Jingzhun jz) {
        return jz.exits();
    }

    @Provides
    DynamicAdjustment adjustments(Jingzhun jz) {
        return jz.adjustments();
    }

    @Provides
    MonitoringService monitoring(Jingzhun jz) {
        return jz.monitoring();
    }

    @Provides
    BenefitStatementService benefits(Jingzhun jz) {
        return jz.benefits();
    }

    @Provides
    CrossCheckService crossChecks(Jingzhun jz) {
        return jz.crossChecks();
    }

    @Provides
    StatisticsService statistics(Jingzhun jz) {
        return jz.statistics();
    }

    @Provides
    FundsService funds(Jingzhun jz) {
        return jz.funds();
    }

    @Provides
    QualityService quality(Jingzhun jz) {
        return jz.quality();
    }
}

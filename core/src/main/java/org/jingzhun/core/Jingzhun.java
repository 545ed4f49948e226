package org.jingzhun.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.jingzhun.core.audit.AuditService;
import org.jingzhun.core.areaexit.AreaExitWorkflow;
import org.jingzhun.core.benefit.BenefitStatementService;
import org.jingzhun.core.crosscheck.CrossCheckService;
import org.jingzhun.core.disclosure.Disclosure;
import org.jingzhun.core.exchange.ExchangeService;
import org.jingzhun.core.funds.FundsService;
import org.jingzhun.core.identification.DynamicAdjustment;
import org.jingzhun.core.identification.ExitWorkflow;
import org.jingzhun.core.identification.IdentificationWorkflow;
import org.jingzhun.core.internal.BeanValidation;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.pairing.PairingService;
import org.jingzhun.core.plan.FourListsService;
import org.jingzhun.core.plan.MeasureCatalogue;
import org.jingzhun.core.plan.PlanService;
import org.jingzhun.core.internal.HouseholdFactsStore;
import org.jingzhun.core.monitoring.MonitoringService;
import org.jingzhun.core.policy.PolicyEngine;
import org.jingzhun.core.policy.PolicyService;
import org.jingzhun.core.quality.QualityService;
import org.jingzhun.core.registry.HouseholdRegistry;
import org.jingzhun.core.registry.RegionDirectory;
import org.jingzhun.core.target.TargetPlanner;
import org.jingzhun.core.training.TrainingService;
import org.jingzhun.core.statistics.StatisticsService;
import org.jingzhun.spi.Plugin;
import org.jingzhun.spi.error.StorageException;
import org.jingzhun.spi.region.RegionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point a host embeds (精准): one instance per storage, thread-safe, closed with the host. Build it with
 * {@link #builder()} (or {@link JingzhunModule} under Guice) and reach each capability through its accessor.
 *
 * <pre>{@code
 * try (Jingzhun jz = Jingzhun.builder().plugin(new MemoryStoragePlugin()).storage("memory").build()) {
 *     Household h = jz.registry().register(clerk, household, "2014 baseline");
 * }
 * }</pre>
 */
public final class Jingzhun implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Jingzhun.class);
    private static final RegionCode HEALTH_PROBE = RegionCode.of("110000");

    private final CoreContext ctx;
    private final BeanValidation validation;
    private final List<Plugin> plugins;
    private final Disclosure disclosure;
    private final HouseholdRegistry registry;
    private final RegionDirectory regions;
    private final PairingService pairing;
    private final PlanService plans;
    private final FourListsService fourLists;
    private final TargetPlanner targets;
    private final PolicyService policies;
    private final CrossCheckService crossChecks;
    private final IdentificationWorkflow identification;
    private final ExitWorkflow exits;
    private final DynamicAdjustment adjustments;
    private final MonitoringService monitoring;
    private final AreaExitWorkflow areaExits;
    private final TrainingService training;
    private final BenefitStatementService benefits;
    private final StatisticsService statistics;
    private final FundsService funds;
    private final ExchangeService exchange;
    private final AuditService audit;
    private final QualityService quality;

    Jingzhun(CoreContext ctx, BeanValidation validation, List<Plugin> plugins, PolicyEngine engine,
            CrossCheckService crossChecks, List<org.jingzhun.spi.monitoring.MonitoringLeadSource> leadSources,
            java.util.Map<String, org.jingzhun.spi.exchange.ExchangeFormat> formats,
            List<org.jingzhun.spi.quality.QualityPack> qualityPacks) {
        this.ctx = ctx;
        this.validation = validation;
        this.plugins = List.copyOf(plugins);
        this.disclosure = new Disclosure();
        this.registry = new HouseholdRegistry(ctx, disclosure);
        this.regions = new RegionDirectory(ctx);
        this.pairing = new PairingService(ctx);
        this.plans = new PlanService(ctx, new MeasureCatalogue(this.plugins.stream()
                .flatMap(p -> p.measureSuggestions().stream()).toList(), engine::schoolAge), pairing);
        this.fourLists = new FourListsService(ctx, pairing);
        this.targets = new TargetPlanner(ctx);
        HouseholdFactsStore facts = new HouseholdFactsStore(ctx.json());
        this.policies = new PolicyService(ctx, engine, facts, disclosure);
        this.crossChecks = crossChecks;
        this.identification = new IdentificationWorkflow(ctx, registry, engine, crossChecks, disclosure);
        this.exits = new ExitWorkflow(ctx, engine, facts);
        this.adjustments = new DynamicAdjustment(ctx, registry, disclosure);
        this.monitoring = new MonitoringService(ctx, engine, facts, disclosure, leadSources);
        this.areaExits = new AreaExitWorkflow(ctx, engine, policies);
        this.training = new TrainingService(ctx, pairing, facts);
        this.funds = new FundsService(ctx, engine, facts);
        this.benefits = new BenefitStatementService(ctx, engine, facts, funds, disclosure);
        this.statistics = new StatisticsService(ctx, funds);
        this.exchange = new ExchangeService(ctx, registry, disclosure, formats);
        this.audit = new AuditService(ctx, disclosure);
        this.quality = new QualityService(ctx, disclosure, qualityPacks);
        LOG.info("Jingzhun started on {} with plugins {}", ctx.storage().describe(),
                plugins.stream().map(Plugin::name).toList());
    }

    public static JingzhunBuilder builder() {
        return new JingzhunBuilder();
    }

    /** Households, members, incomes and their history (建档立卡). */
    public HouseholdRegistry registry() {
        return registry;
    }

    /**
     * The masking profiles (脱敏) core applies to every result: hosts use it to print a public notice or mask a record
     * they hold, the same way core does.
     */
    public Disclosure disclosure() {
        return disclosure;
    }

    /** County, townships and villages. */
    public RegionDirectory regions() {
        return regions;
    }

    /** Household plans (一户一策), village plans (一村一策) and whole-village advancement (整村推进). */
    public PlanService plans() {
        return plans;
    }

    /** The four lists (四项清单) of households and villages, derived from the plans. */
    public FourListsService fourLists() {
        return fourLists;
    }

    /** Annual reduction targets (减贫任务), their decomposition to households and progress. */
    public TargetPlanner targets() {
        return targets;
    }

    /** Units with villages, cadres with households, work teams, and coverage (单位包村、干部包户). */
    public PairingService pairing() {
        return pairing;
    }

    /** Policy packs in force, supplementary household facts, eligibility/exit/benefit decisions (政策). */
    public PolicyService policies() {
        return policies;
    }

    /** The entry procedure from application to registration (精准识别). */
    public IdentificationWorkflow identification() {
        return identification;
    }

    /** Year-end exit assessment and the household exit procedure (脱贫退出). */
    public ExitWorkflow exits() {
        return exits;
    }

    /** Return to poverty, removal of wrong registrations, member changes (动态调整). */
    public DynamicAdjustment adjustments() {
        return adjustments;
    }

    /**
     * Relapse monitoring (防返贫监测): the yearly rule batch, and the procedure from leads (self-report, cadre visit,
     * sector data) through notice and county decision to assistance and risk clearance, with statistics.
     */
    public MonitoringService monitoring() {
        return monitoring;
    }

    /** Village exit (贫困村出列) and county exit (贫困县摘帽) procedures. */
    public AreaExitWorkflow areaExits() {
        return areaExits;
    }

    /** Training records: skills courses, Yulu plan students and cadre training, with statistics (培训). */
    public TrainingService training() {
        return training;
    }

    /** Benefit statements (明白卡). */
    public BenefitStatementService benefits() {
        return benefits;
    }

    /** Cross-checks against other departments' lists (数据比对). */
    public CrossCheckService crossChecks() {
        return crossChecks;
    }

    /** Incidence, poor households and people, status and cause breakdowns by area. */
    public StatisticsService statistics() {
        return statistics;
    }

    /**
     * Money (资金): fund sources, projects, allocations and disbursements in a ledger that never overspends, mutual-aid
     * funds, microcredit with interest subsidy and risk compensation, donations claiming projects, and reports.
     */
    public FundsService funds() {
        return funds;
    }

    /**
     * Import and export of households (导入导出) in the formats plugins contribute (xlsx, csv, ndjson...), with row
     * errors, error reports, progress and masking profiles.
     */
    public ExchangeService exchange() {
        return exchange;
    }

    /** A county's audit log, read by period, actor and subject, and the check of its hash chain (审计). */
    public AuditService audit() {
        return audit;
    }

    /**
     * Data-quality checks (数据质量核查): the quality packs in force run over an area, findings as a stream or as
     * per-township fix lists, and findings accepted with a reason.
     */
    public QualityService quality() {
        return quality;
    }

    /** The JSON mapping of the model (ISO dates, exact decimals), for hosts that expose the model over HTTP. */
    public ObjectMapper json() {
        return ctx.json().mapper();
    }

    public Clock clock() {
        return ctx.clock();
    }

    /** The plugins this instance was built with. */
    public List<Plugin> plugins() {
        return plugins;
    }

    /**
     * A host's health check: whether the storage answers a read now. The storage itself is not handed out, so that
     * nothing can write around core's scope checks, reasons and audit.
     */
    public boolean storageReachable() {
        try {
            // Any indexed read will do; a province code reads at most one row.
            return ctx.read(tx -> {
                tx.regions().find(HEALTH_PROBE);
                return true;
            });
        } catch (StorageException | IllegalStateException e) {
            // StorageException: the database did not answer; IllegalStateException: the storage is closed.
            LOG.warn("Storage {} unreachable: {}", ctx.storage().describe(), e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        try {
            ctx.storage().close();
        } finally {
            validation.close();
        }
    }
}

package org.jingzhun.core.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jingzhun.core.disclosure.Disclosure;
import org.jingzhun.core.disclosure.MaskingProfile;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.ReadAudit;
import org.jingzhun.core.internal.HouseholdFactsStore;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.policy.AreaFacts;
import org.jingzhun.spi.policy.Decision;
import org.jingzhun.spi.policy.HouseholdFacts;
import org.jingzhun.spi.policy.SupplementaryFacts;
import org.jingzhun.spi.policy.VillageIndicators;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;

/**
 * Policies applied to the registry (政策): records a household's supplementary facts for a year (medical costs,
 * loans, students, output, rigid spending, exclusion circumstances) and evaluates the engine's rules on stored data
 * under the principal's scope: eligibility, household exit, village/county exit with incidence computed from the
 * registry, and benefit amounts. {@link #engine()} gives the pure engine for ad-hoc facts.
 */
public final class PolicyService {
    private final CoreContext ctx;
    private final PolicyEngine engine;
    private final HouseholdFactsStore facts;
    private final ReadAudit reads;
    private final Disclosure disclosure;

    public PolicyService(CoreContext ctx, PolicyEngine engine, HouseholdFactsStore facts, Disclosure disclosure) {
        this.ctx = ctx;
        this.disclosure = disclosure;
        this.engine = engine;
        this.reads = new ReadAudit(ctx);
        this.facts = facts;
    }

    public PolicyEngine engine() {
        return engine;
    }

    /** Records (or replaces) a household's supplementary facts for a year; audited on the household. */
    public SupplementaryFacts recordFacts(Principal principal, String householdId, int year,
            SupplementaryFacts supplementary, String reason) {
        Objects.requireNonNull(supplementary, "supplementary");
        List<Violation> problems = ctx.validation().validate("facts " + householdId + "/" + year, supplementary);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return ctx.write(principal, w -> {
            Household h = load(w.tx(), householdId);
            ctx.guard().require(principal, Permission.WRITE, h.region(), "record household facts");
            var before = facts.save(w.tx(), h, year, supplementary);
            w.audit("household", h.id(), h.region(), before.isEmpty() ? "record-facts" : "correct-facts", reason,
                    before.orElse(null), supplementary);
            return supplementary;
        });
    }

    /**
     * The facts rules would read for a registered household and year: the whole card with IDs, health, medical
     * expenses and loans, so it needs VIEW_PERSONAL_DATA, and every read is recorded in the audit log. Principals
     * without it ask for the decisions ({@link #eligibility}, {@link #benefits}) instead.
     */
    public HouseholdFacts facts(Principal principal, String householdId, int year) {
        HouseholdFacts f = ruleInputs(principal, householdId, year);
        ctx.guard().require(principal, Permission.VIEW_PERSONAL_DATA, f.household().region(), "read household facts");
        reads.record(principal, MaskingProfile.FULL, householdId, f.household().region(), "policies.facts",
                java.util.Map.of("year", year));
        return f;
    }

    private HouseholdFacts ruleInputs(Principal principal, String householdId, int year) {
        return ctx.read(tx -> {
            Household h = load(tx, householdId);
            ctx.guard().require(principal, Permission.READ, h.region(), "read household facts");
            return facts.facts(tx, h, year, HouseholdFactsStore.decisionDate(year, LocalDate.now(ctx.clock())));
        });
    }

    public Decision eligibility(Principal principal, String householdId, int year) {
        return engine.eligibility(ruleInputs(principal, householdId, year));
    }

    public Decision householdExit(Principal principal, String householdId, int year) {
        return engine.householdExit(ruleInputs(principal, householdId, year));
    }

    /**
     * Every benefit line of the household in the year, failed rules marked (see {@link PolicyEngine#benefits}); any
     * citizen ID a rule wrote is redacted as on a screen (the 明白卡 in {@code benefits()} offers other profiles, and
     * audits the unmasked one).
     */
    public List<BenefitLine> benefits(Principal principal, String householdId, int year) {
        MaskingProfile profile = MaskingProfile.SCREEN;
        return engine.benefits(ruleInputs(principal, householdId, year)).stream()
                .map(l -> l.withTexts(t -> disclosure.text(t, profile))).toList();
    }

    /**
     * The benefit lines of every active household inside {@code area} (narrowed to the principal's scope) for a year,
     * e.g. to print a village's 明白卡 in one go: a failing rule marks its line and is listed in
     * {@link BulkBenefits#failures()}, and evaluation goes on with the other households. IDs a rule wrote are
     * redacted as on a screen.
     */
    public BulkBenefits benefitsWithin(Principal principal, RegionCode area, int year) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        Map<String, HouseholdFacts> all = ctx.read(tx -> {
            List<Household> households = new ArrayList<>();
            tx.households().forEachWithin(effective, h -> {
                if (h.status().active()) {
                    households.add(h);
                }
            });
            return facts.withRecords(tx, facts.factsWithin(tx, effective, households, year,
                    HouseholdFactsStore.decisionDate(year, LocalDate.now(ctx.clock()))));
        });
        MaskingProfile profile = MaskingProfile.SCREEN;
        BulkBenefits bulk = engine.benefitsAll(all.values());
        Map<String, List<BenefitLine>> shown = new java.util.LinkedHashMap<>();
        bulk.byHousehold().forEach((id, lines) -> shown.put(id, lines.stream()
                .map(l -> l.withTexts(t -> disclosure.text(t, profile))).toList()));
        return new BulkBenefits(shown, bulk.failures());
    }

    /**
     * The facts of a village, township or county for a year: its rural registered population (from the region
     * directory) and the members of its households whose status still counts as poor.
     */
    public AreaFacts areaFacts(Principal principal, RegionCode area, int year, VillageIndicators indicators) {
        ctx.guard().require(principal, Permission.READ, area, "assess area exit");
        return ctx.read(tx -> {
            Region region = tx.regions().find(area)
                    .orElseThrow(() -> new NotFoundException("case.not_found", "region", area));
            long[] poorPeople = {0};
            tx.households().forEachSummaryWithin(area, h -> {
                if (h.status().poor()) {
                    poorPeople[0] += h.size();
                }
            });
            long poor = poorPeople[0];
            return new AreaFacts(area, year, region.ruralPopulation(), poor, indicators,
                    HouseholdFactsStore.decisionDate(year, LocalDate.now(ctx.clock())));
        });
    }

    /** Whether a village (with its indicators) or county may exit in {@code year} (贫困村出列、县摘帽). */
    public Decision areaExit(Principal principal, RegionCode area, int year, VillageIndicators indicators) {
        return engine.areaExit(areaFacts(principal, area, year, indicators));
    }

    private static Household load(org.jingzhun.spi.storage.StorageTransaction tx, String id) {
        return tx.households().find(id).orElseThrow(() -> new NotFoundException("household.not_found", id));
    }
}

package org.jingzhun.core.monitoring;

import java.util.EnumSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.DocumentStore;
import org.jingzhun.core.internal.HouseholdFactsStore;
import org.jingzhun.core.policy.PolicyEngine;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.policy.Decision;
import org.jingzhun.spi.policy.HouseholdFacts;
import org.jingzhun.spi.policy.MonitoringAssessment;
import org.jingzhun.spi.region.RegionCode;

/**
 * Relapse monitoring (防止返贫动态监测): applies the monitoring rule in force to the households of an area for a year
 * and flags those at risk as monitored households (脱贫不稳定户, 边缘易致贫户, 突发严重困难户), each with its
 * explanation; later clears a household's risk (风险消除) when the rule says so. Households still counted as poor are
 * under assistance already and are not flagged. Flags and clearances are audited on the household.
 */
public final class MonitoringService {
    static final String KIND = "monitoring-record";

    private final CoreContext ctx;
    private final PolicyEngine engine;
    private final HouseholdFactsStore facts;
    private final DocumentStore<MonitoringRecord> store;

    public MonitoringService(CoreContext ctx, PolicyEngine engine, HouseholdFactsStore facts) {
        this.ctx = ctx;
        this.engine = engine;
        this.facts = facts;
        this.store = new DocumentStore<>(KIND, MonitoringRecord.class, ctx.json(), MonitoringRecord::id,
                MonitoringRecord::region, MonitoringRecord::year).withSubject(MonitoringRecord::householdId);
    }

    /**
     * Assesses every active household inside {@code area} that is not counted as poor (EXITED or NON_POOR) and not
     * already monitored, and flags those the rule picks. Needs APPROVE (the county decides).
     *
     * @return the records created by this call
     */
    public List<MonitoringRecord> flag(Principal principal, RegionCode area, int year, String reason) {
        ctx.guard().require(principal, Permission.APPROVE, area, "flag monitored households");
        LocalDate today = LocalDate.now(ctx.clock());
        LocalDate asOf = HouseholdFactsStore.decisionDate(year, today);
        return ctx.write(principal, w -> {
            Set<String> monitored = new HashSet<>();
            for (Versioned<MonitoringRecord> r : store.all(w.tx(), area, null)) {
                if (r.value().status() == MonitoringStatus.MONITORED) {
                    monitored.add(r.value().householdId());
                }
            }
            List<MonitoringRecord> created = new ArrayList<>();
            List<Household> candidates = new ArrayList<>();
            w.tx().households().forEachWithin(area, EnumSet.of(PovertyStatus.EXITED, PovertyStatus.NON_POOR), h -> {
                if (!monitored.contains(h.id())) {
                    candidates.add(h);
                }
            });
            Map<String, HouseholdFacts> all = facts.factsWithin(w.tx(), area, candidates, year, asOf);
            List<Versioned<MonitoringRecord>> toStore = new ArrayList<>();
            for (Household h : candidates) {
                MonitoringAssessment a = engine.monitoring(all.get(h.id()));
                if (a.flagged()) {
                    MonitoringRecord r = new MonitoringRecord(h.id() + "." + year, h.id(), h.region(), year,
                            a.category(), MonitoringStatus.MONITORED, today, a.explanation(), null, null, null);
                    toStore.add(new Versioned<>(r, 0));
                    w.audit("household", h.id(), h.region(), "monitoring-flag", a.category().label() + ": "
                            + a.explanation().result() + (reason == null ? "" : " — " + reason), null, r);
                    created.add(r);
                }
            }
            store.saveAll(w.tx(), toStore);
            return created;
        });
    }

    /**
     * Clears a monitored household's risk (风险消除) when the monitoring rule, on the facts of {@code year}, says it
     * is cleared; otherwise refused with the rule's explanation.
     */
    public MonitoringRecord clearRisk(Principal principal, String recordId, int year, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new WorkflowException("workflow.reason_required", "clearing a risk");
        }
        return ctx.write(principal, w -> {
            Versioned<MonitoringRecord> current = load(w.tx(), recordId);
            MonitoringRecord r = current.value();
            ctx.guard().require(principal, Permission.APPROVE, r.region(), "clear monitoring risk");
            if (r.status() != MonitoringStatus.MONITORED) {
                throw new WorkflowException("workflow.illegal_step", "monitoring record", recordId, "风险消除",
                        r.status());
            }
            Household h = w.tx().households().find(r.householdId())
                    .orElseThrow(() -> new NotFoundException("household.not_found", r.householdId()));
            HouseholdFacts f = facts.facts(w.tx(), h, year,
                    HouseholdFactsStore.decisionDate(year, LocalDate.now(ctx.clock())));
            Decision d = engine.riskCleared(f);
            if (!d.positive()) {
                throw new WorkflowException("workflow.risk_remains", h.id(), d.explanation().result());
            }
            MonitoringRecord next = new MonitoringRecord(r.id(), r.householdId(), r.region(), r.year(), r.category(),
                    MonitoringStatus.RISK_CLEARED, r.flaggedOn(), r.why(), LocalDate.now(ctx.clock()), d, reason);
            store.save(w.tx(), next, current.version());
            w.audit("household", h.id(), h.region(), "monitoring-clear", reason, r, next);
            return next;
        });
    }

    /** Monitoring records inside {@code area} (narrowed to the scope), all years. */
    public List<MonitoringRecord> list(Principal principal, RegionCode area) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return ctx.read(tx -> store.all(tx, effective, null).stream().map(Versioned::value).toList());
    }

    private Versioned<MonitoringRecord> load(org.jingzhun.spi.storage.StorageTransaction tx, String id) {
        return store.find(tx, id.substring(0, Math.min(6, id.length())), id)
                .orElseThrow(() -> new NotFoundException("case.not_found", "monitoring record", id));
    }
}

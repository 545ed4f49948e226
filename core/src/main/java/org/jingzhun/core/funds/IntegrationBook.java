package org.jingzhun.core.funds;

import static org.jingzhun.core.funds.FundStores.load;
import static org.jingzhun.core.funds.FundWriter.ensure;
import static org.jingzhun.core.funds.FundWriter.requireReason;
import static org.jingzhun.core.funds.FundWriter.throwIf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.funds.FundStores.AllocationState;
import org.jingzhun.core.funds.FundStores.ProjectState;
import org.jingzhun.core.funds.FundStores.SourceState;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.DocumentStore;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.funds.AidProject;
import org.jingzhun.spi.funds.Allocation;
import org.jingzhun.spi.funds.FundSource;
import org.jingzhun.spi.funds.FundSourceKind;
import org.jingzhun.spi.funds.IntegrationPlan;
import org.jingzhun.spi.funds.LedgerEntry;
import org.jingzhun.spi.funds.Money;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.storage.StorageTransaction;

/**
 * Fund integration plans (统筹整合): a county's decision to pool sector money into poverty projects, carried out as
 * ordinary ledger allocations through the {@link FundLedger}. See {@link FundsService}.
 */
final class IntegrationBook {
    static final String KIND = "fund-integration-plan";

    private final CoreContext ctx;
    private final FundStores stores;
    private final FundWriter writer;
    private final FundLedger ledger;
    private final DocumentStore<IntegrationPlan> plans;

    IntegrationBook(CoreContext ctx, FundWriter writer, FundLedger ledger) {
        this.ctx = ctx;
        this.stores = writer.stores;
        this.writer = writer;
        this.ledger = ledger;
        this.plans = new DocumentStore<>(KIND, IntegrationPlan.class, ctx.json(), IntegrationPlan::id,
                IntegrationPlan::county, IntegrationPlan::year);
    }

    Versioned<IntegrationPlan> save(Principal principal, IntegrationPlan plan, long expectedVersion, String reason) {
        requireReason("integration plan", reason);
        Objects.requireNonNull(plan, "plan");
        String rec = "integration plan " + (plan.county() == null ? "?" : plan.id());
        List<Violation> problems = new ArrayList<>(ctx.validation().validate(rec, plan));
        if (plan.county() != null && plan.county().level() != RegionLevel.COUNTY) {
            problems.add(Violation.of(rec, "county", "funds.county_required", plan.county(),
                    plan.county().level().label()));
        }
        throwIf(problems);
        writer.requireFinance(principal, plan.county(), "plan fund integration");
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            List<Violation> found = new ArrayList<>();
            Map<String, BigDecimal> perSource = new LinkedHashMap<>();
            Map<String, BigDecimal> perProject = new LinkedHashMap<>();
            Map<String, SourceState> sources = new LinkedHashMap<>();
            Map<String, ProjectState> projects = new LinkedHashMap<>();
            Set<String> pairs = new HashSet<>();
            for (int i = 0; i < plan.lines().size(); i++) {
                IntegrationPlan.Line l = plan.lines().get(i);
                String field = "lines[" + i + "]";
                SourceState s = sources.computeIfAbsent(l.sourceId(),
                        id -> load(stores.sources, tx, id, "fund source").value());
                ProjectState p = projects.computeIfAbsent(l.projectId(),
                        id -> load(stores.projects, tx, id, "project").value());
                FundSource src = s.source();
                AidProject prj = p.project();
                if (!pairs.add(l.sourceId() + "|" + l.projectId())) {
                    found.add(Violation.of(rec, field, "funds.integration_duplicate", l.sourceId(), l.projectId()));
                }
                if (src.kind() != FundSourceKind.INTEGRATED_SECTOR) {
                    found.add(Violation.of(rec, field + ".sourceId", "funds.integration_kind", src.id(),
                            src.kind().label()));
                }
                if (src.grantor() == null || src.grantor().isBlank()) {
                    found.add(Violation.of(rec, field + ".sourceId", "funds.integration_sector", src.id()));
                }
                if (src.year() != plan.year()) {
                    found.add(Violation.of(rec, field + ".sourceId", "funds.integration_year", src.id(), src.year(),
                            plan.year()));
                }
                if (!plan.county().contains(src.scope())) {
                    found.add(Violation.of(rec, field + ".sourceId", "funds.outside_area", "fund source " + src.id(),
                            src.scope(), plan.county()));
                }
                if (!src.scope().contains(prj.region())) {
                    found.add(Violation.of(rec, field + ".projectId", "funds.outside_area", "project " + prj.id(),
                            prj.region(), src.scope()));
                }
                if (!prj.status().takesAllocations()) {
                    found.add(Violation.of(rec, field + ".projectId", "funds.project_status", prj.id(),
                            prj.status().label(), "take allocations"));
                }
                perSource.merge(l.sourceId(), l.amount(), BigDecimal::add);
                perProject.merge(l.projectId(), l.amount(), BigDecimal::add);
            }
            throwIf(found);
            // The plan may not promise more of a source than it holds nor more to a project than its budget; what is
            // already allocated elsewhere is the ledger's concern when the plan is carried out.
            perSource.forEach((id, sum) -> ensure(sum, sources.get(id).source().amount(), "fund source " + id,
                    "amount"));
            perProject.forEach((id, sum) -> ensure(sum, projects.get(id).project().budget(), "project " + id,
                    "budget"));
            Optional<Versioned<IntegrationPlan>> before = plans.find(tx, plan.county().countyCode(), plan.id());
            Versioned<IntegrationPlan> stored = plans.save(tx, plan, expectedVersion);
            w.audit(KIND, plan.id(), plan.county(), before.isEmpty() ? "create" : "edit", reason,
                    before.map(Versioned::value).orElse(null), plan);
            return stored;
        });
    }

    Optional<Versioned<IntegrationPlan>> find(Principal principal, RegionCode county, int year) {
        writer.requireRead(principal, county, "read integration plans");
        return ctx.read(tx -> plans.find(tx, county.countyCode(), IntegrationPlan.idOf(county, year)));
    }

    /**
     * Allocates, in one unit of work, what each line of the plan still lacks (planned minus what the ledger already
     * allocated from that source to that project); lines already met are skipped, so carrying a plan out twice
     * moves no money twice. Any refusal by the ledger leaves nothing written.
     */
    List<LedgerEntry> carryOut(Principal principal, RegionCode county, int year, LocalDate date, String reason) {
        requireReason("integration allocations", reason);
        Objects.requireNonNull(date, "date");
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            IntegrationPlan plan = plans.find(tx, county.countyCode(), IntegrationPlan.idOf(county, year))
                    .map(Versioned::value)
                    .orElseThrow(() -> new NotFoundException("funds.not_found", "integration plan",
                            IntegrationPlan.idOf(county, year)));
            writer.requireFinance(principal, plan.county(), "carry out fund integration");
            List<LedgerEntry> out = new ArrayList<>();
            for (IntegrationPlan.Line l : plan.lines()) {
                ProjectState p = load(stores.projects, tx, l.projectId(), "project").value();
                BigDecimal lacking = l.amount().subtract(fromSource(p, l.sourceId())[0]);
                if (lacking.signum() > 0) {
                    out.add(ledger.allocateIn(w, new Allocation(l.sourceId(), l.projectId(), lacking, date), reason));
                }
            }
            return out;
        });
    }

    IntegrationReport report(Principal principal, RegionCode county, int year) {
        writer.requireRead(principal, county, "read integration plans");
        return ctx.read(tx -> {
            IntegrationPlan plan = plans.find(tx, county.countyCode(), IntegrationPlan.idOf(county, year))
                    .map(Versioned::value)
                    .orElseThrow(() -> new NotFoundException("funds.not_found", "integration plan",
                            IntegrationPlan.idOf(county, year)));
            Map<String, FundSource> sources = new LinkedHashMap<>();
            Map<String, BigDecimal> planned = new LinkedHashMap<>();
            for (IntegrationPlan.Line l : plan.lines()) {
                sources.computeIfAbsent(l.sourceId(), id -> load(stores.sources, tx, id, "fund source").value()
                        .source());
                planned.put(l.sourceId() + "|" + l.projectId(), l.amount());
            }
            record Key(String sector, String sourceId, String projectId) implements Comparable<Key> {
                @Override
                public int compareTo(Key o) {
                    int c = sector.compareTo(o.sector);
                    c = c != 0 ? c : sourceId.compareTo(o.sourceId);
                    return c != 0 ? c : projectId.compareTo(o.projectId);
                }
            }
            Map<Key, IntegrationReport.Line> lines = new TreeMap<>();
            for (Versioned<ProjectState> v : stores.projects.all(tx, county, null)) {
                AidProject prj = v.value().project();
                for (FundSource src : sources.values()) {
                    BigDecimal plan0 = planned.getOrDefault(src.id() + "|" + prj.id(), Money.ZERO);
                    BigDecimal[] moved = fromSource(v.value(), src.id());
                    if (plan0.signum() == 0 && moved[0].signum() == 0 && moved[1].signum() == 0) {
                        continue;
                    }
                    lines.put(new Key(src.grantor(), src.id(), prj.id()), new IntegrationReport.Line(src.grantor(),
                            src.id(), src.name(), prj.id(), prj.name(), plan0, moved[0], moved[1]));
                }
            }
            Map<String, BigDecimal[]> bySector = new TreeMap<>();
            Map<String, BigDecimal[]> byProject = new TreeMap<>();
            for (IntegrationReport.Line l : lines.values()) {
                add(bySector.computeIfAbsent(l.sector(), k -> zeros()), l);
                add(byProject.computeIfAbsent(l.projectId(), k -> zeros()), l);
            }
            return new IntegrationReport(plan.county(), plan.year(), plan.title(), List.copyOf(lines.values()),
                    totals(bySector), totals(byProject));
        });
    }

    /** Net allocated [0] and disbursed [1] from one source into a project. */
    private static BigDecimal[] fromSource(ProjectState p, String sourceId) {
        BigDecimal[] out = zeros();
        for (AllocationState a : p.allocations().values()) {
            if (a.sourceId().equals(sourceId)) {
                out[0] = out[0].add(a.allocated());
                out[1] = out[1].add(a.disbursed());
            }
        }
        return out;
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {Money.ZERO, Money.ZERO, Money.ZERO};
    }

    private static void add(BigDecimal[] sums, IntegrationReport.Line l) {
        sums[0] = sums[0].add(l.planned());
        sums[1] = sums[1].add(l.allocated());
        sums[2] = sums[2].add(l.disbursed());
    }

    private static List<IntegrationReport.Total> totals(Map<String, BigDecimal[]> sums) {
        List<IntegrationReport.Total> out = new ArrayList<>(sums.size());
        sums.forEach((k, s) -> out.add(new IntegrationReport.Total(k, s[0], s[1], s[2])));
        return out;
    }
}

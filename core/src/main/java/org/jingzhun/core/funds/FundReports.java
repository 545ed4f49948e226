package org.jingzhun.core.funds;

import static org.jingzhun.core.funds.FundStores.load;
import static org.jingzhun.core.funds.FundStores.values;
import static org.jingzhun.core.funds.FundWriter.findHousehold;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jingzhun.core.funds.FundStores.MicrocreditState;
import org.jingzhun.core.funds.FundStores.ProjectState;
import org.jingzhun.core.funds.FundStores.SourceState;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.funds.EntryKind;
import org.jingzhun.spi.funds.FundSourceKind;
import org.jingzhun.spi.funds.InterestSubsidy;
import org.jingzhun.spi.funds.LedgerEntry;
import org.jingzhun.spi.funds.Money;
import org.jingzhun.spi.funds.PayeeKind;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;

/** Fund use by source, kind, area and project, and the money that reached a household. See {@link FundsService}. */
final class FundReports {
    private final CoreContext ctx;
    private final FundStores stores;
    private final FundWriter writer;
    private final MicrocreditBook microcredits;

    FundReports(CoreContext ctx, FundWriter writer, MicrocreditBook microcredits) {
        this.ctx = ctx;
        this.stores = writer.stores;
        this.writer = writer;
        this.microcredits = microcredits;
    }

    FundReport report(Principal principal, RegionCode area, Integer year) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        LocalDate today = LocalDate.now(ctx.clock());
        return ctx.read(tx -> {
            List<SourceState> sources = values(stores.sources.all(tx, effective, year));
            List<ProjectState> projects = values(stores.projects.all(tx, effective, year));
            Map<RegionCode, String> names = new HashMap<>();
            tx.regions().findWithin(effective).forEach(r -> names.put(r.code(), r.name()));
            tx.regions().find(effective).map(Region::name).ifPresent(n -> names.put(effective, n));

            List<FundUseLine> bySource = new ArrayList<>();
            Map<FundSourceKind, BigDecimal[]> kinds = new java.util.EnumMap<>(FundSourceKind.class);
            BigDecimal[] total = {Money.ZERO, Money.ZERO, Money.ZERO};
            for (SourceState s : sources) {
                bySource.add(FundUseLine.of(s.source().id(), s.source().kind().label() + " " + s.source().name(),
                        s.source().amount(), s.allocated(), s.disbursed()));
                BigDecimal[] k = kinds.computeIfAbsent(s.source().kind(),
                        x -> new BigDecimal[] {Money.ZERO, Money.ZERO, Money.ZERO});
                add(k, s.source().amount(), s.allocated(), s.disbursed());
                add(total, s.source().amount(), s.allocated(), s.disbursed());
            }
            List<FundUseLine> byKind = new ArrayList<>();
            kinds.forEach((k, v) -> byKind.add(FundUseLine.of(k.name(), k.label(), v[0], v[1], v[2])));

            RegionLevel child = effective.level().child();
            Map<RegionCode, BigDecimal[]> areas = new java.util.TreeMap<>();
            for (ProjectState p : projects) {
                RegionCode r = p.project().region();
                RegionCode key = child != null && r.level().ordinal() >= child.ordinal() ? r.ancestorAt(child) : r;
                BigDecimal allocated = p.allocated();
                add(areas.computeIfAbsent(key, x -> new BigDecimal[] {Money.ZERO, Money.ZERO, Money.ZERO}),
                        allocated, allocated, p.disbursed());
            }
            List<FundUseLine> byArea = new ArrayList<>();
            areas.forEach((k, v) -> byArea.add(FundUseLine.of(k.value(), names.getOrDefault(k, k.value()), v[0],
                    v[1], v[2])));
            return new FundReport(effective, year, bySource, byKind,
                    FundUseLine.of("TOTAL", "合计", total[0], total[1], total[2]), byArea,
                    projects.stream().map(FundStores::balance).toList(), today);
        });
    }

    HouseholdFunds household(Principal principal, String householdId, int year) {
        return ctx.read(tx -> {
            Household h = findHousehold(tx, householdId);
            writer.requireRead(principal, h.region(), "read household funds");
            List<LedgerEntry> entries = values(stores.entries.bySubject(tx, h.countyCode(), householdId));
            Map<String, BigDecimal> reversed = new HashMap<>();
            entries.stream().filter(LedgerEntry::reversal)
                    .forEach(e -> reversed.merge(e.reverses(), e.amount(), BigDecimal::add));
            Map<String, String> projectNames = new HashMap<>();
            List<HouseholdFundLine> lines = new ArrayList<>();
            for (LedgerEntry e : entries) {
                if (e.reversal() || e.kind() != EntryKind.DISBURSEMENT || e.date().getYear() != year
                        || e.payee() == null || e.payee().kind() != PayeeKind.HOUSEHOLD) {
                    continue;
                }
                BigDecimal net = e.amount().subtract(reversed.getOrDefault(e.id(), Money.ZERO));
                if (net.signum() > 0) {
                    String name = projectNames.computeIfAbsent(e.projectId(),
                            id -> load(stores.projects, tx, id, "project").value().project().name());
                    lines.add(new HouseholdFundLine(e.id(), e.date(), e.projectId(), name, e.purpose(), net));
                }
            }
            lines.sort(Comparator.comparing(HouseholdFundLine::date).thenComparing(HouseholdFundLine::entryId));
            List<HouseholdFundLine> subsidiesPaid = new ArrayList<>();
            for (MicrocreditState s : values(stores.microcredits.bySubject(tx, h.countyCode(), householdId))) {
                s.subsidies().forEach((entryId, paid) -> {
                    if (paid.year() == year && paid.amount().signum() > 0) {
                        LedgerEntry e = load(stores.entries, tx, entryId, "ledger entry").value();
                        String name = projectNames.computeIfAbsent(e.projectId(),
                                id -> load(stores.projects, tx, id, "project").value().project().name());
                        subsidiesPaid.add(new HouseholdFundLine(e.id(), e.date(), e.projectId(), name, e.purpose(),
                                paid.amount()));
                    }
                });
            }
            List<InterestSubsidy> subsidies = new ArrayList<>();
            for (MicrocreditState s : values(stores.microcredits.bySubject(tx, h.countyCode(), householdId))) {
                InterestSubsidy sub = microcredits.subsidy(s, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
                if (sub.days() > 0) {
                    subsidies.add(sub);
                }
            }
            return new HouseholdFunds(householdId, h.region(), year, lines, subsidies,
                    HouseholdFunds.totalOf(lines, subsidies), subsidiesPaid);
        });
    }

    static void add(BigDecimal[] acc, BigDecimal a, BigDecimal b, BigDecimal c) {
        acc[0] = acc[0].add(a);
        acc[1] = acc[1].add(b);
        acc[2] = acc[2].add(c);
    }
}

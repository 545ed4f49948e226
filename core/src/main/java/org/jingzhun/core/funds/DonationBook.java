package org.jingzhun.core.funds;

import static org.jingzhun.core.funds.FundStores.load;
import static org.jingzhun.core.funds.FundStores.values;
import static org.jingzhun.core.funds.FundWriter.clip;
import static org.jingzhun.core.funds.FundWriter.ensure;
import static org.jingzhun.core.funds.FundWriter.notBefore;
import static org.jingzhun.core.funds.FundWriter.requireAmount;
import static org.jingzhun.core.funds.FundWriter.requireReason;
import static org.jingzhun.core.funds.FundWriter.throwIf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.funds.FundStores.ClaimState;
import org.jingzhun.core.funds.FundStores.ProjectState;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.funds.AidProject;
import org.jingzhun.spi.funds.Allocation;
import org.jingzhun.spi.funds.FundSource;
import org.jingzhun.spi.funds.FundSourceKind;
import org.jingzhun.spi.funds.LedgerEntry;
import org.jingzhun.spi.funds.Money;
import org.jingzhun.spi.funds.ProjectClaim;
import org.jingzhun.spi.storage.StorageTransaction;

/**
 * Social donations claiming projects (社会捐赠、项目认领); received money becomes a tied fund source allocated through
 * the {@link FundLedger}. See {@link FundsService}.
 */
final class DonationBook {
    private final CoreContext ctx;
    private final FundStores stores;
    private final FundWriter writer;
    private final FundLedger ledger;

    DonationBook(CoreContext ctx, FundWriter writer, FundLedger ledger) {
        this.ctx = ctx;
        this.stores = writer.stores;
        this.writer = writer;
        this.ledger = ledger;
    }

    ProjectClaim claimProject(Principal principal, ProjectClaim claim, String reason) {
        requireReason("project claim", reason);
        String rec = "claim of project " + claim.projectId();
        List<Violation> problems = new ArrayList<>(ctx.validation().validate(rec, claim));
        if (claim.id() != null) {
            problems.add(Violation.of(rec, "id", "funds.id_assigned", claim.id()));
        }
        throwIf(problems);
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            Versioned<ProjectState> prj = load(stores.projects, tx, claim.projectId(), "project");
            AidProject p = prj.value().project();
            writer.requireFinance(w.principal(), p.region(), "record project claims");
            if (!p.status().takesAllocations()) {
                throw new WorkflowException("funds.project_status", p.id(), p.status().label(), "be claimed");
            }
            ensure(claim.amount(), p.budget().subtract(prj.value().claimed()), "project " + p.id(),
                    "unclaimed budget");
            ProjectClaim c = claim.withId(stores.nextId(tx, 'D', p.region()));
            stores.claims.save(tx, new ClaimState(c, p.region(), Money.ZERO), 0);
            stores.projects.save(tx, prj.value().withClaimed(prj.value().claimed().add(c.amount())), prj.version());
            w.audit(FundStores.CLAIM, c.id(), p.region(), "claim", reason, null, c);
            return c;
        });
    }

    LedgerEntry receiveDonation(Principal principal, String claimId, BigDecimal amount, LocalDate date,
            String reason) {
        requireReason("donation", reason);
        requireAmount("donation for " + claimId, "amount", amount);
        Objects.requireNonNull(date, "date");
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            Versioned<ClaimState> cl = load(stores.claims, tx, claimId, "project claim");
            ProjectClaim c = cl.value().claim();
            AidProject p = load(stores.projects, tx, c.projectId(), "project").value().project();
            writer.requireFinance(w.principal(), p.region(), "receive donations");
            notBefore(date, c.date(), "donation", "claim " + claimId);
            BigDecimal a = Money.exact(amount);
            ensure(a, cl.value().unreceived(), "project claim " + claimId, "unreceived");
            String name = clip("社会捐赠 " + c.donor().name() + " 认领 " + p.name(), 200);
            FundSource s = ledger.insertSource(w, new FundSource(null, FundSourceKind.SOCIAL_DONATION, name, p.year(), a,
                    p.region(), clip(c.donor().name(), 100), date, p.id()), reason);
            stores.claims.save(tx, new ClaimState(c, cl.value().region(), cl.value().received().add(a)),
                    cl.version());
            return ledger.allocateIn(w, new Allocation(s.id(), p.id(), a, date), reason);
        });
    }

    List<ClaimBalance> claims(Principal principal, String projectId) {
        return ctx.read(tx -> {
            AidProject p = load(stores.projects, tx, projectId, "project").value().project();
            writer.requireRead(principal, p.region(), "read projects");
            return values(stores.claims.bySubject(tx, FundStores.countyOf(projectId), projectId)).stream()
                    .map(c -> new ClaimBalance(c.claim(), c.received(), c.unreceived())).toList();
        });
    }
}

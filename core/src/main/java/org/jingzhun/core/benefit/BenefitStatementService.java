package org.jingzhun.core.benefit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.HouseholdFactsStore;
import org.jingzhun.core.policy.PolicyEngine;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.policy.BenefitAmount;
import org.jingzhun.spi.policy.HouseholdFacts;

/**
 * Builds a household's benefit statement (明白卡) for a year from the benefit rules in force for its region: every
 * policy with a positive amount, each with its explanation, and the total. Facts come from the registry (card,
 * income statement) and the supplementary facts recorded through {@code PolicyService.recordFacts}.
 */
public final class BenefitStatementService {
    private final CoreContext ctx;
    private final PolicyEngine engine;
    private final HouseholdFactsStore facts;

    public BenefitStatementService(CoreContext ctx, PolicyEngine engine, HouseholdFactsStore facts) {
        this.ctx = ctx;
        this.engine = engine;
        this.facts = facts;
    }

    /** The statement of a household for {@code year}, issued today. */
    public BenefitStatement statement(Principal principal, String householdId, int year) {
        LocalDate today = LocalDate.now(ctx.clock());
        HouseholdFacts f = ctx.read(tx -> {
            Household h = tx.households().find(householdId)
                    .orElseThrow(() -> new NotFoundException("household.not_found", householdId));
            ctx.guard().require(principal, Permission.READ, h.region(), "print benefit statements");
            return facts.facts(tx, h, year, HouseholdFactsStore.decisionDate(year, today));
        });
        List<BenefitAmount> lines = engine.benefits(f).stream().filter(b -> b.amount().signum() > 0).toList();
        BigDecimal total = lines.stream().map(BenefitAmount::amount).reduce(BigDecimal.ZERO.setScale(2),
                BigDecimal::add);
        Household h = f.household();
        Member head = h.head().orElse(h.members().get(0));
        return new BenefitStatement(h.id(), h.region(), year, head.name(), head.citizenId().masked(), h.status(),
                lines, total, today);
    }

    /** Statements of several households (e.g. a village's) for a year. */
    public List<BenefitStatement> statements(Principal principal, List<String> householdIds, int year) {
        return householdIds.stream().map(id -> statement(principal, id, year)).toList();
    }
}

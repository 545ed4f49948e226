package org.jingzhun.core.benefit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jingzhun.core.disclosure.Disclosure;
import org.jingzhun.core.disclosure.MaskingProfile;
import org.jingzhun.core.funds.FundsService;
import org.jingzhun.core.funds.HouseholdFundLine;
import org.jingzhun.core.funds.HouseholdFunds;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.HouseholdFactsStore;
import org.jingzhun.core.internal.ReadAudit;
import org.jingzhun.core.policy.BenefitLine;
import org.jingzhun.core.policy.PolicyEngine;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.policy.HouseholdFacts;

/**
 * Builds a household's benefit statement (明白卡) for a year from real records: the card and income statement in the
 * registry, the supplementary facts recorded through {@code policies().recordFacts} (medical costs, students,
 * output), the microloans issued through {@code funds()} with their repayments and defaults, every rule in force for
 * the household's region (benefit rules and the interest subsidy, each line kept or marked failed on its own), and
 * the money the ledger paid to the household (到户资金). Everything personal leaves through {@link Disclosure} with
 * the caller's masking profile; an unmasked statement is audited as a personal-data read.
 */
public final class BenefitStatementService {
    private final CoreContext ctx;
    private final PolicyEngine engine;
    private final HouseholdFactsStore facts;
    private final FundsService funds;
    private final Disclosure disclosure;
    private final ReadAudit reads;

    public BenefitStatementService(CoreContext ctx, PolicyEngine engine, HouseholdFactsStore facts,
            FundsService funds, Disclosure disclosure) {
        this.ctx = ctx;
        this.engine = engine;
        this.facts = facts;
        this.funds = funds;
        this.disclosure = disclosure;
        this.reads = new ReadAudit(ctx);
    }

    /** The statement of a household for {@code year}, issued today, under the principal's default profile. */
    public BenefitStatement statement(Principal principal, String householdId, int year) {
        return statement(principal, householdId, year, null);
    }

    /**
     * The statement under a chosen masking profile ({@code null}: the principal's default): {@link MaskingProfile#FULL}
     * needs VIEW_PERSONAL_DATA, {@link MaskingProfile#PUBLIC_NOTICE} removes the ID for a card put up in the village.
     */
    public BenefitStatement statement(Principal principal, String householdId, int year, MaskingProfile requested) {
        MaskingProfile profile = disclosure.allowed(principal, requested);
        LocalDate today = LocalDate.now(ctx.clock());
        HouseholdFacts f = ctx.read(tx -> {
            Household h = tx.households().find(householdId)
                    .orElseThrow(() -> new NotFoundException("household.not_found", householdId));
            ctx.guard().require(principal, Permission.READ, h.region(), "print benefit statements");
            return facts.facts(tx, h, year, HouseholdFactsStore.decisionDate(year, today));
        });
        List<BenefitLine> lines = engine.benefits(f).stream().map(l -> disclosed(l, profile)).toList();
        HouseholdFunds money = funds.household(principal, householdId, year);
        Household h = f.household();
        reads.record(principal, profile, h.id(), h.region(), "benefits.statement", Map.of("year", year));
        Member head = h.head().orElse(h.members().get(0));
        List<BenefitLine> enjoyed = lines.stream().filter(BenefitLine::enjoyed).toList();
        BigDecimal due = enjoyed.stream().map(BenefitLine::value).reduce(BigDecimal.ZERO.setScale(2),
                BigDecimal::add);
        List<HouseholdFundLine> paidLines = money.paid();
        BigDecimal paid = paidLines.stream().map(HouseholdFundLine::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        var id = disclosure.citizenId(head.citizenId(), profile);
        return new BenefitStatement(h.id(), h.region(), year, head.name(), id == null ? null : id.value(),
                h.status(), enjoyed, lines.stream().filter(l -> !l.failed() && !l.enjoyed()).toList(),
                lines.stream().filter(BenefitLine::failed).toList(), due, paidLines, paid, profile,
                today);
    }

    /** Statements of several households (e.g. a village's) for a year; a failing rule only marks its own line. */
    public List<BenefitStatement> statements(Principal principal, List<String> householdIds, int year) {
        List<BenefitStatement> out = new ArrayList<>();
        householdIds.forEach(id -> out.add(statement(principal, id, year)));
        return out;
    }

    /** A citizen ID a rule already printed redacted (first 6 and last 4), e.g. {@code 341702********0116}. */
    private static final java.util.regex.Pattern REDACTED_ID = java.util.regex.Pattern.compile(
            "\\d{6}\\*{5,8}[\\dXx]{4}");

    /** Free text of a rule as the profile lets it out: under public notice not even a redacted ID remains. */
    private String text(String s, MaskingProfile profile) {
        String out = disclosure.text(s, profile);
        return profile == MaskingProfile.PUBLIC_NOTICE && out != null
                ? REDACTED_ID.matcher(out).replaceAll(Disclosure.WITHHELD) : out;
    }

    /** A line with every text a pack wrote passed through the profile (an ID a rule printed is redacted too). */
    private BenefitLine disclosed(BenefitLine line, MaskingProfile profile) {
        return profile == MaskingProfile.FULL ? line : line.withTexts(t -> text(t, profile));
    }
}

package org.jingzhun.core.crosscheck;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.disclosure.Disclosure;
import org.jingzhun.core.disclosure.MaskingProfile;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.HouseholdFactsStore;
import org.jingzhun.core.internal.ReadAudit;
import org.jingzhun.core.internal.CaseEngine;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.policy.ExclusionFactor;
import org.jingzhun.spi.policy.SupplementaryFacts;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.crosscheck.CrossCheckHit;
import org.jingzhun.spi.crosscheck.CrossCheckSource;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.region.RegionCode;

/**
 * Data comparison (数据比对) against other departments' lists registered by plugins or the host. Identification
 * runs it on every applicant (a hit blocks county approval until a reviewer clears it with a reason); {@link #scan}
 * compares the registered households of an area, as in the annual review, and opens a review case
 * ({@link CrossCheckReview}) per household with hits, on the shared case engine.
 */
public final class CrossCheckService {
    private final CoreContext ctx;
    private final List<CrossCheckSource> sources;
    private final CaseEngine<CrossCheckReview, ReviewStage, ReviewAction> reviews;
    private final HouseholdFactsStore facts;
    private final Disclosure disclosure = new Disclosure();
    private final ReadAudit reads;

    public CrossCheckService(CoreContext ctx, List<CrossCheckSource> sources) {
        this.ctx = ctx;
        this.sources = List.copyOf(sources);
        this.reviews = new CaseEngine<>(ctx, "crosscheck-review", "cross-check review", CrossCheckReview.class,
                ReviewAction.class, CrossCheckReview::year, CrossCheckReview::householdId);
        this.facts = new HouseholdFactsStore(ctx.json());
        this.reads = new ReadAudit(ctx);
    }

    public List<CrossCheckSource> sources() {
        return sources;
    }

    /** Every hit of every source for the given IDs, in source order; a hit appears once. */
    public List<CrossCheckHit> check(Collection<CitizenId> ids) {
        Set<CrossCheckHit> out = new LinkedHashSet<>();
        Set<CitizenId> asked = Set.copyOf(ids);
        for (CrossCheckSource s : sources) {
            for (CrossCheckHit hit : s.check(asked)) {
                if (asked.contains(hit.citizenId())) {
                    out.add(hit);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * The yearly re-check of registered households (年度数据比对): compares the members of the active households
     * inside {@code area} (narrowed to the scope) and opens one review per household with hits, unless it has an
     * open review already. The hits are stored on the review and mapped to exclusion factors.
     *
     * @return the reviews opened, IDs masked as the principal's default profile says
     */
    public List<CrossCheckReview> scan(Principal principal, RegionCode area, int year) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        ctx.guard().require(principal, Permission.WRITE, effective, "scan registered households");
        List<CrossCheckReview> opened = ctx.write(principal, w -> {
            Map<CitizenId, Household> byMember = new HashMap<>();
            w.tx().households().forEachWithin(effective, h -> {
                if (h.status().active()) {
                    h.members().stream().map(Member::citizenId).filter(Objects::nonNull)
                            .forEach(id -> byMember.put(id, h));
                }
            });
            Map<String, List<CrossCheckHit>> hitsOf = new LinkedHashMap<>();
            Map<String, Household> households = new HashMap<>();
            for (CrossCheckHit hit : check(byMember.keySet())) {
                Household h = byMember.get(hit.citizenId());
                hitsOf.computeIfAbsent(h.id(), k -> new ArrayList<>()).add(hit);
                households.put(h.id(), h);
            }
            Set<String> open = new HashSet<>();
            for (Versioned<CrossCheckReview> v : reviews.store().all(w.tx(), effective, null)) {
                if (!v.value().stage().terminal()) {
                    open.add(v.value().householdId());
                }
            }
            List<CrossCheckReview> out = new ArrayList<>();
            List<Versioned<CrossCheckReview>> toSave = new ArrayList<>();
            for (Map.Entry<String, List<CrossCheckHit>> e : hitsOf.entrySet()) {
                if (open.contains(e.getKey())) {
                    continue;
                }
                Household h = households.get(e.getKey());
                Set<ExclusionFactor> factors = EnumSet.noneOf(ExclusionFactor.class);
                e.getValue().forEach(hit -> factors.add(factorOf(hit.category())));
                CrossCheckReview r = new CrossCheckReview(reviews.newIds(w.tx(), h.region(), 1).get(0), h.id(),
                        h.region(), year, e.getValue().stream().map(CrossCheckFinding::open).toList(), factors,
                        ReviewStage.OPEN, List.of(reviews.sign(w.principal(), ReviewAction.OPEN, null,
                                e.getValue().size() + " hit(s)")));
                toSave.add(new Versioned<>(r, 0));
                reviews.auditOpen(w, r, "yearly cross-check " + year);
                w.audit("household", h.id(), h.region(), "crosscheck-hit", "cross-check review " + r.id() + ": "
                        + factors, null, null);
                out.add(r);
            }
            reviews.store().saveAll(w.tx(), toSave);
            return out;
        });
        opened.forEach(r -> reads.record(principal, MaskingProfile.defaultFor(principal), r.householdId(),
                r.region(), "crosscheck.scan", Map.of("review", r.id())));
        return shownAll(principal, opened);
    }

    /**
     * The exclusion factor a source's category points to (数据比对类别 → 不予识别情形): {@code vehicle},
     * {@code commercial-housing}, {@code business}, {@code public-employee}; anything else is OTHER.
     */
    public static ExclusionFactor factorOf(String category) {
        return switch (category == null ? "" : category.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "vehicle" -> ExclusionFactor.VEHICLE;
            case "commercial-housing" -> ExclusionFactor.COMMERCIAL_HOUSING;
            case "business" -> ExclusionFactor.BUSINESS;
            case "public-employee" -> ExclusionFactor.PUBLIC_EMPLOYEE;
            default -> ExclusionFactor.OTHER;
        };
    }

    /**
     * Resolves a review: cleared when the reviewer explains the hits away (e.g. the vehicle is a farm tricycle), or
     * confirmed, which adds the review's exclusion factors to the household's supplementary facts of its year. A
     * reason is required either way; both are audited on the household.
     */
    public CrossCheckReview resolve(Principal principal, String reviewId, boolean confirmed, String reason) {
        CaseEngine.requireReason(reason, "resolving a cross-check review");
        ReviewAction action = confirmed ? ReviewAction.CONFIRM : ReviewAction.CLEAR;
        return shown(principal, ctx.write(principal, w -> {
            CrossCheckReview done = reviews.stepIn(w, List.of(reviewId), new CaseEngine.Step<>(action,
                    Permission.APPROVE, null, reason, (r, today) -> r), (r, to, today, step) -> r.with(to,
                    confirmed ? r.findings() : r.findings().stream().map(f -> f.cleared() ? f
                            : f.clear(w.principal().userId(), ctx.clock().instant(), reason)).toList(), step))
                    .get(0).after();
            Household h = w.tx().households().find(done.householdId())
                    .orElseThrow(() -> new NotFoundException("household.not_found", done.householdId()));
            if (confirmed) {
                SupplementaryFacts before = facts.supplementary(w.tx(), h, done.year());
                Set<ExclusionFactor> all = EnumSet.noneOf(ExclusionFactor.class);
                all.addAll(before.exclusions());
                all.addAll(done.factors());
                SupplementaryFacts after = before.withExclusions(all);
                facts.save(w.tx(), h, done.year(), after);
                w.audit("household", h.id(), h.region(), "crosscheck-confirm", "cross-check review " + reviewId
                        + ": " + reason, before.exclusions(), after.exclusions());
            } else {
                w.audit("household", h.id(), h.region(), "crosscheck-clear", "cross-check review " + reviewId
                        + ": " + reason, null, null);
            }
            return done;
        }));
    }

    /** Reviews inside {@code area} (narrowed to the scope) of a year, or all years when null; IDs masked. */
    public List<CrossCheckReview> reviews(Principal principal, RegionCode area, Integer year) {
        List<CrossCheckReview> found = reviews.list(principal, area, year);
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        reads.record(principal, MaskingProfile.defaultFor(principal), effective.value(), effective,
                "crosscheck.reviews", Map.of("reviews", found.size()));
        return shownAll(principal, found);
    }

    private CrossCheckReview shown(Principal principal, CrossCheckReview r) {
        MaskingProfile profile = MaskingProfile.defaultFor(principal);
        if (profile == MaskingProfile.FULL) {
            return r;
        }
        return r.withFindings(r.findings().stream().map(f -> new CrossCheckFinding(new CrossCheckHit(
                f.hit().source(), f.hit().citizenId().redacted(), f.hit().category(),
                disclosure.text(f.hit().detail(), profile)), f.cleared(), f.clearedBy(), f.clearedAt(),
                disclosure.text(f.reason(), profile))).toList());
    }

    private List<CrossCheckReview> shownAll(Principal principal, List<CrossCheckReview> rs) {
        return rs.stream().map(r -> shown(principal, r)).toList();
    }
}

package org.jingzhun.core.crosscheck;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.crosscheck.CrossCheckHit;
import org.jingzhun.spi.crosscheck.CrossCheckSource;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.region.RegionCode;

/**
 * Data comparison (数据比对) against other departments' lists registered by plugins or the host. Identification
 * runs it on every applicant (a hit blocks county approval until a reviewer clears it with a reason); {@link #scan}
 * compares the registered households of an area, as in the annual review.
 */
public final class CrossCheckService {
    private final CoreContext ctx;
    private final List<CrossCheckSource> sources;

    public CrossCheckService(CoreContext ctx, List<CrossCheckSource> sources) {
        this.ctx = ctx;
        this.sources = List.copyOf(sources);
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

    /** Hits for the members of the active households inside {@code area}, within the principal's scope. */
    public List<CrossCheckHit> scan(Principal principal, RegionCode area) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        List<CitizenId> ids = new ArrayList<>();
        ctx.read(tx -> {
            tx.households().forEachWithin(effective, h -> {
                if (h.status().active()) {
                    h.members().stream().map(Member::citizenId).forEach(ids::add);
                }
            });
            return null;
        });
        return check(ids);
    }
}

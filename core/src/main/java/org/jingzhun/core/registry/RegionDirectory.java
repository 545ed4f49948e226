package org.jingzhun.core.registry;

import java.util.List;
import java.util.Optional;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.region.RegionTree;

/**
 * The administrative areas (行政区划) the registry knows: the county, its townships and villages with rural
 * population and poor-village designation. Defining an area needs ADMINISTER in a scope covering it.
 */
public final class RegionDirectory {
    private final CoreContext ctx;

    public RegionDirectory(CoreContext ctx) {
        this.ctx = ctx;
    }

    /** Adds or updates areas (all or none); parents must exist or be in the same call. */
    public void define(Principal principal, List<Region> regions, String reason) {
        List<Violation> problems = new java.util.ArrayList<>();
        for (Region r : regions) {
            problems.addAll(ctx.validation().validate("region " + (r.code() == null ? "?" : r.code()), r));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        for (Region r : regions) {
            ctx.guard().require(principal, Permission.ADMINISTER, r.code(), "define regions");
        }
        ctx.write(principal, w -> {
            java.util.Set<RegionCode> incoming = new java.util.HashSet<>();
            regions.forEach(r -> incoming.add(r.code()));
            List<Violation> missing = new java.util.ArrayList<>();
            for (Region r : regions) {
                // Townships and villages hang under an area the registry knows; counties are roots.
                RegionCode parent = r.code().parent();
                boolean needsParent = r.level().ordinal() > RegionLevel.COUNTY.ordinal();
                if (needsParent && !incoming.contains(parent) && w.tx().regions().find(parent).isEmpty()) {
                    missing.add(Violation.of("region " + r.code(), "code", "validation.region_unknown", parent));
                }
            }
            if (!missing.isEmpty()) {
                throw new ValidationException(missing);
            }
            for (Region r : regions) {
                Optional<Region> before = w.tx().regions().find(r.code());
                if (before.isEmpty() || !before.get().equals(r)) {
                    w.tx().regions().save(r);
                    w.audit("region", r.code().value(), r.code(), before.isEmpty() ? "define" : "amend", reason,
                            before.orElse(null), r);
                }
            }
            return null;
        });
    }

    public Optional<Region> find(Principal principal, RegionCode code) {
        RegionCode area = ctx.guard().clampSearch(principal, code);
        return area.equals(code) ? ctx.read(tx -> tx.regions().find(code)) : Optional.empty();
    }

    /** The tree of every area the principal may see, within {@code area}. */
    public RegionTree tree(Principal principal, RegionCode area) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return RegionTree.of(ctx.read(tx -> tx.regions().findWithin(effective)));
    }
}

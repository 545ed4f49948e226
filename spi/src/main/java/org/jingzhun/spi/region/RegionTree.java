package org.jingzhun.spi.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable tree of areas (county → townships → villages) looked up by code. Built from a flat list; every
 * area's parent must be in the list unless the area is a root.
 */
public final class RegionTree {
    private final Map<RegionCode, Region> byCode;
    private final Map<RegionCode, List<Region>> children;

    private RegionTree(Map<RegionCode, Region> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
        Map<RegionCode, List<Region>> kids = new TreeMap<>();
        for (Region r : byCode.values()) {
            RegionCode parent = r.code().parent();
            if (parent != null && byCode.containsKey(parent)) {
                kids.computeIfAbsent(parent, p -> new ArrayList<>()).add(r);
            }
        }
        kids.replaceAll((k, v) -> List.copyOf(v));
        this.children = Collections.unmodifiableMap(kids);
    }

    /** Builds a tree; later duplicates of a code replace earlier ones. */
    public static RegionTree of(Collection<Region> regions) {
        Map<RegionCode, Region> map = new TreeMap<>();
        for (Region r : regions) {
            map.put(r.code(), r);
        }
        return new RegionTree(map);
    }

    public Optional<Region> find(RegionCode code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Direct children in code order. */
    public List<Region> children(RegionCode code) {
        return children.getOrDefault(code, List.of());
    }

    /** All areas inside {@code code} (inclusive) at the given level, in code order. */
    public List<Region> within(RegionCode code, RegionLevel level) {
        List<Region> out = new ArrayList<>();
        for (Region r : byCode.values()) {
            if (r.level() == level && code.contains(r.code())) {
                out.add(r);
            }
        }
        return out;
    }

    /** Areas without a parent in this tree (normally the county). */
    public List<Region> roots() {
        List<Region> out = new ArrayList<>();
        for (Region r : byCode.values()) {
            RegionCode p = r.code().parent();
            if (p == null || !byCode.containsKey(p)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Names from the root down, e.g. {@code 贵池区 梅街镇 刘街村}. */
    public String path(RegionCode code) {
        List<String> names = new ArrayList<>();
        for (RegionCode c = code; c != null; c = c.parent()) {
            Region r = byCode.get(c);
            if (r != null) {
                names.add(0, r.name());
            }
        }
        return String.join(" ", names);
    }

    public Collection<Region> all() {
        return byCode.values();
    }

    public int size() {
        return byCode.size();
    }
}

package org.jingzhun.storage.jdbc.internal;

import org.jdbi.v3.core.statement.SqlStatement;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;

/**
 * "Inside this area" as SQL: a prefix match on the region code, plus an equality on {@code county_code} whenever the
 * area lies within one county, so a distributed database routes the query to that county's shard alone.
 */
final class AreaFilter {
    private final RegionCode area;
    private final boolean singleCounty;

    AreaFilter(RegionCode area) {
        this.area = area;
        this.singleCounty = area.level().ordinal() >= RegionLevel.COUNTY.ordinal();
    }

    /** The condition, for tables whose columns are named {@code county_code} and {@code region_code}. */
    String condition() {
        return condition("");
    }

    /** The condition on the {@code county_code} and {@code region_code} columns of the table {@code alias}. */
    String condition(String alias) {
        String a = alias.isEmpty() ? "" : alias + ".";
        return singleCounty ? a + "county_code = :area_county AND " + a + "region_code LIKE :area_prefix"
                : a + "region_code LIKE :area_prefix";
    }

    <S extends SqlStatement<S>> S bind(S statement) {
        // Region codes are digits only, so the prefix needs no LIKE escaping.
        statement.bind("area_prefix", area.prefix() + "%");
        if (singleCounty) {
            statement.bind("area_county", area.countyCode());
        }
        return statement;
    }
}

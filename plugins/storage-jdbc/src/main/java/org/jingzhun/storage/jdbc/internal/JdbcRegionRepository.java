package org.jingzhun.storage.jdbc.internal;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.RegionRepository;

/** Regions in {@code regions}; saving upserts with the dialect's own statement. */
final class JdbcRegionRepository implements RegionRepository {
    private static final String SELECT = "SELECT code, name, rural_population, poor FROM regions";
    private static final RowMapper<Region> MAPPER = (rs, ctx) -> new Region(new RegionCode(rs.getString("code")),
            rs.getString("name"), rs.getLong("rural_population"), rs.getBoolean("poor"));

    private final Handle handle;
    private final Dialect dialect;

    JdbcRegionRepository(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public void save(Region region) {
        handle.createUpdate(dialect.upsertRegion())
                .bind("county_code", region.code().countyCode())
                .bind("code", region.code().value())
                .bind("name", region.name())
                .bind("rural_population", region.ruralPopulation())
                .bind("poor", region.poor())
                .execute();
    }

    @Override
    public Optional<Region> find(RegionCode code) {
        return handle.createQuery(SELECT + " WHERE county_code = :county AND code = :code")
                .bind("county", code.countyCode()).bind("code", code.value())
                .map(MAPPER).findOne();
    }

    @Override
    public List<Region> findWithin(RegionCode area) {
        // Regions above county level keep their own padded digits as county_code, so the prefix alone decides.
        return handle.createQuery(SELECT + " WHERE code LIKE :prefix ORDER BY code")
                .bind("prefix", area.prefix() + "%")
                .map(MAPPER).list();
    }
}

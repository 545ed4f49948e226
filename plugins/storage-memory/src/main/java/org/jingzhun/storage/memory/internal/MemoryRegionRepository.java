package org.jingzhun.storage.memory.internal;

import java.util.List;
import java.util.Optional;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.RegionRepository;

/** Regions of one unit of work. */
final class MemoryRegionRepository implements RegionRepository {
    private final RegionTable table;
    private final UnitOfWork unit;

    MemoryRegionRepository(RegionTable table, UnitOfWork unit) {
        this.table = table;
        this.unit = unit;
    }

    @Override
    public void save(Region region) {
        unit.check();
        table.put(region, unit.undo());
    }

    @Override
    public Optional<Region> find(RegionCode code) {
        unit.check();
        return Optional.ofNullable(table.get(code));
    }

    @Override
    public List<Region> findWithin(RegionCode area) {
        unit.check();
        return table.within(area);
    }
}

package org.jingzhun.spi.storage;

import java.util.List;
import java.util.Optional;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;

/** Stored administrative areas. Saving an existing code replaces its name, population and poor flag. */
public interface RegionRepository {
    void save(Region region);

    Optional<Region> find(RegionCode code);

    /** Every area inside {@code area} (inclusive), in code order. */
    List<Region> findWithin(RegionCode area);
}

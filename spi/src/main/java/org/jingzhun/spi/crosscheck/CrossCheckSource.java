package org.jingzhun.spi.crosscheck;

import java.util.Collection;
import java.util.List;

/**
 * A list from another department to compare the registry against (数据比对源): vehicles, commercial housing, business
 * registration, public employees… matched by citizen ID. Implementations must be thread-safe and must return only
 * hits for the IDs asked about.
 */
public interface CrossCheckSource {
    /** Stable name, e.g. {@code public-security-vehicles}. */
    String name();

    /** Every entry of the list whose citizen ID is among {@code ids}. */
    List<CrossCheckHit> check(Collection<org.jingzhun.spi.person.CitizenId> ids);
}

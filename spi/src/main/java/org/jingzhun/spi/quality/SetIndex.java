package org.jingzhun.spi.quality;

import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;
import org.jingzhun.spi.household.Household;

/**
 * A set-level index (跨户索引) a rule needs: the keys each household contributes (e.g. its members' citizen IDs). The
 * host passes over the whole batch first and hands every rule a {@link QualityIndex} of which households hold each
 * key. Rules sharing an index use the same name.
 */
public record SetIndex(String name, Function<Household, Collection<String>> keys) {
    public SetIndex {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keys, "keys");
    }
}

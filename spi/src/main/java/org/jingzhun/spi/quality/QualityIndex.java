package org.jingzhun.spi.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which households of the batch hold a key of a {@link SetIndex} (跨户索引): what a rule reads to find, say, a citizen
 * ID registered in two households. Built by {@link Builder} in a first pass over the batch.
 */
public interface QualityIndex {
    /** The ids of the households holding {@code key} in the index named {@code index}, in the order they were added. */
    List<String> holders(String index, String key);

    /** An empty index: every key is held by nobody. */
    static QualityIndex none() {
        return (index, key) -> List.of();
    }

    static Builder builder() {
        return new Builder();
    }

    /**
     * Collects keys household by household. Memory grows with the number of distinct keys: one entry per key, the
     * holder kept as a single string until a second holder appears.
     */
    final class Builder {
        private final Map<String, Map<String, Object>> byIndex = new HashMap<>();

        private Builder() {
        }

        /** Adds the keys {@code household} contributes to every index in {@code indexes}. */
        public Builder add(org.jingzhun.spi.household.Household household, Iterable<SetIndex> indexes) {
            for (SetIndex ix : indexes) {
                Map<String, Object> keys = byIndex.computeIfAbsent(ix.name(), n -> new HashMap<>());
                for (String key : ix.keys().apply(household)) {
                    keys.merge(key, household.id(), Builder::append);
                }
            }
            return this;
        }

        @SuppressWarnings("unchecked")
        private static Object append(Object existing, Object id) {
            if (existing instanceof List<?> list) {
                if (!list.contains(id)) {
                    ((List<Object>) list).add(id);
                }
                return list;
            }
            if (existing.equals(id)) {
                return existing;
            }
            List<Object> both = new ArrayList<>(2);
            both.add(existing);
            both.add(id);
            return both;
        }

        /** The households holding some key that another household holds too: the only ones indexed rules can flag. */
        @SuppressWarnings("unchecked")
        public java.util.Set<String> shared() {
            java.util.Set<String> out = new java.util.TreeSet<>();
            for (Map<String, Object> keys : byIndex.values()) {
                for (Object v : keys.values()) {
                    if (v instanceof List<?> l) {
                        out.addAll((List<String>) l);
                    }
                }
            }
            return out;
        }

        @SuppressWarnings("unchecked")
        public QualityIndex build() {
            Map<String, Map<String, Object>> snapshot = Map.copyOf(byIndex);
            return (index, key) -> {
                Map<String, Object> keys = snapshot.get(index);
                Object v = keys == null ? null : keys.get(key);
                if (v == null) {
                    return List.of();
                }
                return v instanceof List<?> l ? List.copyOf((List<String>) l) : List.of((String) v);
            };
        }
    }
}

package org.jingzhun.spi.quality;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameter values a pack runs with (参数取值): defaults overridden by the pack's configuration, already checked
 * against each {@link QualityParameter}'s type and bounds.
 */
public final class QualityParameters {
    private final Map<String, Object> values;

    QualityParameters(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    public int integer(String name) {
        return (Integer) get(name);
    }

    public BigDecimal decimal(String name) {
        return (BigDecimal) get(name);
    }

    public boolean flag(String name) {
        return (Boolean) get(name);
    }

    /** Every value as text, in name order: message arguments and the pack's description. */
    public Map<String, String> asText() {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v)));
        return out;
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no quality parameter " + name + "; known: " + values.keySet());
        }
        return v;
    }
}

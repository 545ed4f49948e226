package org.jingzhun.spi.exchange;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A row read through a layout (按表样读出的行): its sheet, row number, the typed values by column key ({@link String},
 * {@link Long}, {@link java.math.BigDecimal}, {@link Boolean}, an enum constant or a list of them) and every problem
 * found in it. A header row is returned only when its headers have problems.
 */
public record LayoutRow(SheetLayout sheet, long rowNumber, boolean header, Map<String, Object> values,
        List<RowError> errors) {
    public LayoutRow {
        values = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        errors = List.copyOf(errors);
    }

    /** The value of a column, or {@code null} when blank or refused. */
    @SuppressWarnings("unchecked")
    public <T> T get(String key) {
        return (T) values.get(key);
    }
}

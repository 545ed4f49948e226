package org.jingzhun.spi.exchange;

import java.util.List;
import java.util.Objects;
import org.jingzhun.spi.CodedEnum;

/**
 * One column of a layout (列): a stable key, the Chinese header written on output, further headers accepted on input
 * (年度表头别名, since headers differ slightly from year to year), whether a value is required, its type, the coded
 * enum of a {@link ColumnType#CODE}/{@link ColumnType#CODES} column and how the value is masked in errors.
 */
public record Column(String key, String header, List<String> aliases, boolean required, ColumnType type,
        Class<? extends CodedEnum> codes, Sensitivity sensitivity) {
    public Column {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(type, "type");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        sensitivity = sensitivity == null ? Sensitivity.NONE : sensitivity;
        if ((type == ColumnType.CODE || type == ColumnType.CODES) != (codes != null)) {
            throw new IllegalArgumentException("column " + key + ": coded columns and only they name an enum");
        }
        if (codes != null && !codes.isEnum()) {
            throw new IllegalArgumentException("column " + key + ": " + codes + " is not an enum");
        }
    }

    /** A required column. */
    public static Column required(String key, String header, ColumnType type, String... aliases) {
        return new Column(key, header, List.of(aliases), true, type, null, Sensitivity.NONE);
    }

    /** An optional column. */
    public static Column optional(String key, String header, ColumnType type, String... aliases) {
        return new Column(key, header, List.of(aliases), false, type, null, Sensitivity.NONE);
    }

    /** A coded column (code or label on input, label on output). */
    public static Column coded(String key, String header, boolean required, boolean many,
            Class<? extends CodedEnum> codes, String... aliases) {
        return new Column(key, header, List.of(aliases), required, many ? ColumnType.CODES : ColumnType.CODE, codes,
                Sensitivity.NONE);
    }

    /** The same column holding personal data of that kind. */
    public Column personal(Sensitivity s) {
        return new Column(key, header, aliases, required, type, codes, s);
    }

    /** Whether {@code text} names this column: the header or an alias, ignoring spaces and full/half-width brackets. */
    public boolean matches(String text) {
        String t = normalise(text);
        if (normalise(header).equals(t)) {
            return true;
        }
        for (String a : aliases) {
            if (normalise(a).equals(t)) {
                return true;
            }
        }
        return false;
    }

    static String normalise(String header) {
        return header == null ? "" : header.replaceAll("[\\s\\u3000*]", "").replace('（', '(').replace('）', ')');
    }
}

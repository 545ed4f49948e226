package org.jingzhun.spi.quality;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A parameter of a data-quality pack (规则参数): its name, type, default and bounds, with a description in zh-CN and
 * en. Rules read it by name; a county overrides it in the pack's {@link QualityPackConfig}, and the pack refuses a
 * value of the wrong type or outside the bounds at start-up.
 *
 * @param min lowest allowed value (integers and decimals), or null
 * @param max highest allowed value (integers and decimals), or null
 */
public record QualityParameter(String name, Type type, String defaultValue, String min, String max, String zh,
        String en) {

    /** The value types a parameter may have. */
    public enum Type { INTEGER, DECIMAL, BOOLEAN }

    public QualityParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        if (problem(type, defaultValue, min, max) != null) {
            throw new IllegalArgumentException("default of parameter " + name + ": " + problem(type, defaultValue,
                    min, max));
        }
    }

    /** A whole-number parameter within {@code [min, max]}. */
    public static QualityParameter integer(String name, int defaultValue, int min, int max, String zh, String en) {
        return new QualityParameter(name, Type.INTEGER, Integer.toString(defaultValue), Integer.toString(min),
                Integer.toString(max), zh, en);
    }

    /** A decimal parameter (amounts of yuan) within {@code [min, max]}. */
    public static QualityParameter decimal(String name, String defaultValue, String min, String max, String zh,
            String en) {
        return new QualityParameter(name, Type.DECIMAL, defaultValue, min, max, zh, en);
    }

    /** A yes/no parameter. */
    public static QualityParameter flag(String name, boolean defaultValue, String zh, String en) {
        return new QualityParameter(name, Type.BOOLEAN, Boolean.toString(defaultValue), null, null, zh, en);
    }

    /** Why {@code text} is not a valid value of this parameter, or null when it is. */
    public String problem(String text) {
        return problem(type, text, min, max);
    }

    /** {@code text} converted to the parameter's type: Integer, BigDecimal or Boolean. */
    Object parse(String text) {
        return switch (type) {
            case INTEGER -> Integer.valueOf(text.trim());
            case DECIMAL -> new BigDecimal(text.trim());
            case BOOLEAN -> Boolean.valueOf(text.trim());
        };
    }

    private static String problem(Type type, String text, String min, String max) {
        if (text == null || text.isBlank()) {
            return "a value is required";
        }
        String t = text.trim();
        if (type == Type.BOOLEAN) {
            return t.equals("true") || t.equals("false") ? null : "must be true or false";
        }
        BigDecimal v;
        try {
            v = type == Type.INTEGER ? new BigDecimal(Integer.valueOf(t)) : new BigDecimal(t);
        } catch (NumberFormatException e) {
            return type == Type.INTEGER ? "must be a whole number" : "must be a number";
        }
        if (min != null && v.compareTo(new BigDecimal(min)) < 0) {
            return "must be at least " + min;
        }
        if (max != null && v.compareTo(new BigDecimal(max)) > 0) {
            return "must be at most " + max;
        }
        return null;
    }
}

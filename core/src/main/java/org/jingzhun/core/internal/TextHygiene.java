package org.jingzhun.core.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.text.CleanText;

/**
 * Input hygiene for every text of the model (文本清洁度检查), by the rules of {@link CleanText}: a string may not carry
 * control characters (NUL included), bidirectional overrides and isolates, zero-width characters or lone surrogates,
 * and may not exceed
 * {@link CleanText#MAX_LENGTH} characters even where the field declares no size. Runs over the whole record graph of the
 * model (records, lists, sets, map keys and values) so that a new text field cannot be forgotten.
 */
final class TextHygiene {
    private static final int MAX_DEPTH = 8;
    private final Map<Class<?>, Method[]> accessors = new ConcurrentHashMap<>();
    private final Map<Class<?>, String[]> names = new ConcurrentHashMap<>();

    /** Every unclean text inside {@code value}, attributed to {@code record} and the field's path. */
    List<Violation> check(String record, Object value) {
        List<Violation> out = new ArrayList<>(0);
        walk(record, "", value, out, 0);
        return out;
    }

    private void walk(String record, String path, Object value, List<Violation> out, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof String s) {
            String problem = problem(s);
            if (problem != null) {
                out.add(Violation.of(record, path.isEmpty() ? "(value)" : path, problem, s.length()));
            }
        } else if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                walk(record, path + "[" + i++ + "]", item, out, depth + 1);
            }
        } else if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                walk(record, path + "<key>", e.getKey(), out, depth + 1);
                walk(record, path + "[" + e.getKey() + "]", e.getValue(), out, depth + 1);
            }
        } else if (value.getClass().isRecord() && value.getClass().getName().startsWith("org.jingzhun.")) {
            Method[] get = accessors.computeIfAbsent(value.getClass(), this::accessorsOf);
            String[] field = names.get(value.getClass());
            for (int i = 0; i < get.length; i++) {
                walk(record, path.isEmpty() ? field[i] : path + "." + field[i], invoke(get[i], value), out,
                        depth + 1);
            }
        }
    }

    private Method[] accessorsOf(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Method[] out = new Method[components.length];
        String[] field = new String[components.length];
        for (int i = 0; i < components.length; i++) {
            out[i] = components[i].getAccessor();
            out[i].setAccessible(true);
            field[i] = components[i].getName();
        }
        names.put(type, field);
        return out;
    }

    private static Object invoke(Method accessor, Object target) {
        try {
            return accessor.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }

    static String problem(String s) {
        return CleanText.problem(s);
    }
}

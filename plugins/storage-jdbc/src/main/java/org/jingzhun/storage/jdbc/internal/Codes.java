package org.jingzhun.storage.jdbc.internal;

import java.util.HashMap;
import java.util.Map;
import org.jingzhun.spi.CodedEnum;
import org.jingzhun.spi.error.StorageException;

/** Enumerations to and from their stable registration-card codes, the form stored in every table. */
final class Codes {
    private Codes() {
    }

    static String of(CodedEnum e) {
        return e == null ? null : e.code();
    }

    /** The constants of each coded enumeration by code, built once per type. */
    private static final ClassValue<Map<String, Object>> BY_CODE = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            Map<String, Object> out = new HashMap<>();
            for (Object e : type.getEnumConstants()) {
                out.put(((CodedEnum) e).code(), e);
            }
            return Map.copyOf(out);
        }
    };

    /** The constant with exactly this code; a code nobody knows means the stored data is broken. */
    static <E extends Enum<E> & CodedEnum> E parse(Class<E> type, String code) {
        if (code == null) {
            return null;
        }
        Object e = BY_CODE.get(type).get(code);
        if (e == null) {
            throw new StorageException("storage.failed", "unknown " + type.getSimpleName() + " code '" + code + "'");
        }
        return type.cast(e);
    }
}

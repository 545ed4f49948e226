package org.jingzhun.storage.jdbc.internal;

import org.jingzhun.spi.CodedEnum;
import org.jingzhun.spi.error.StorageException;

/** Enumerations to and from their stable registration-card codes, the form stored in every table. */
final class Codes {
    private Codes() {
    }

    static String of(CodedEnum e) {
        return e == null ? null : e.code();
    }

    /** The constant with exactly this code; a code nobody knows means the stored data is broken. */
    static <E extends Enum<E> & CodedEnum> E parse(Class<E> type, String code) {
        if (code == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.code().equals(code)) {
                return e;
            }
        }
        throw new StorageException("storage.failed", "unknown " + type.getSimpleName() + " code '" + code + "'");
    }
}

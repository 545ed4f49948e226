package org.jingzhun.spi;

/**
 * An enumeration of the registration card whose constants have a stable code (as on the paper card and in
 * exchange files) and a zh-CN label. The Java constant name is what JSON carries; codes never change meaning.
 */
public interface CodedEnum {
    /** Stable code, unique within the enum. */
    String code();

    /** zh-CN label as printed on cards and screens. */
    String label();

    /** Finds a constant by its code, or by its label or constant name, for import of hand-made files. */
    static <E extends Enum<E> & CodedEnum> E lookup(Class<E> type, String codeOrLabel) {
        if (codeOrLabel == null) {
            return null;
        }
        String v = codeOrLabel.strip();
        for (E e : type.getEnumConstants()) {
            if (e.code().equals(v) || e.label().equals(v) || e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + codeOrLabel + "' is not a " + type.getSimpleName());
    }
}

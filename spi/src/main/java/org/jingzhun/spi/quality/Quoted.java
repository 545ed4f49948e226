package org.jingzhun.spi.quality;

import java.util.Objects;

/**
 * A stored value a finding quotes (引用值), with its {@link Sensitivity}; the host shows it masked to readers without
 * the right to see personal data, and never puts it into a message unmasked.
 */
public record Quoted(String text, Sensitivity sensitivity) {
    public Quoted {
        Objects.requireNonNull(sensitivity, "sensitivity");
    }

    /** {@code value} as text (an enum as its label), or null for null. */
    static Quoted of(Object value, Sensitivity sensitivity) {
        if (value == null) {
            return null;
        }
        String text = value instanceof org.jingzhun.spi.CodedEnum e ? e.label() : String.valueOf(value);
        return new Quoted(text, sensitivity);
    }
}

package org.jingzhun.spi.text;

/**
 * What counts as clean text in Jingzhun (文本清洁规则), shared by core's validation of every record, principals and
 * exchange formats: no control characters (NUL, tab and line breaks included), no bidirectional embeddings,
 * overrides or isolates, no zero-width or other invisible format characters, no lone surrogates, and at most
 * {@link #MAX_LENGTH} characters.
 */
public final class CleanText {
    /** Longest text any field may hold when it declares no smaller size. */
    public static final int MAX_LENGTH = 4_000;

    private CleanText() {
    }

    /**
     * The message code of what is wrong with {@code s} ({@code validation.text_too_long}, {@code …text_control},
     * {@code …text_invisible}, {@code …text_surrogate}), or {@code null} when it is clean or null.
     */
    public static String problem(String s) {
        if (s == null) {
            return null;
        }
        if (s.length() > MAX_LENGTH) {
            return "validation.text_too_long";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "validation.text_surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "validation.text_surrogate";
            }
            if (Character.isISOControl(c)) {
                return "validation.text_control";
            }
            if (isInvisibleFormat(c)) {
                return "validation.text_invisible";
            }
        }
        return null;
    }

    /** Bidi embeddings, overrides, isolates and marks, zero-width characters, the BOM and other format characters. */
    private static boolean isInvisibleFormat(char c) {
        return (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2060' && c <= '\u206F') || c == '\uFEFF' || c == '\u00AD' || c == '\u061C'
                || c == '\u180E';
    }
}

package org.jingzhun.spi.exchange;

/**
 * The text rules every format shares (单元格文本规则): the cell size limit of spreadsheets, which texts a spreadsheet
 * would run as formulas, and which characters never go into a file.
 */
public final class CellText {
    /** Excel's limit on the characters of a cell; longer input cells are refused. */
    public static final int MAX_LENGTH = 32_767;

    private CellText() {
    }

    /**
     * Whether a spreadsheet would treat the text as a formula or command (CSV/formula injection): it begins with
     * {@code = + - @}, a tab or a carriage return. Such text is written with a leading apostrophe or as a string cell.
     */
    public static boolean needsInertPrefix(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /**
     * Whether input text is a live formula: starts with {@code =} or {@code @}, or with {@code +}/{@code -} and is
     * not a plain number.
     */
    public static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        if (c == '=' || c == '@') {
            return true;
        }
        return (c == '+' || c == '-') && !text.strip().matches("[+-]\\d+(\\.\\d+)?");
    }

    /** Whether the text holds a control character other than tab, line feed and carriage return. */
    public static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (control(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The text without control characters (tab, line feed and carriage return kept), for output. */
    public static String withoutControls(String text) {
        if (text == null || !hasControl(text)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!control(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean control(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
    }
}

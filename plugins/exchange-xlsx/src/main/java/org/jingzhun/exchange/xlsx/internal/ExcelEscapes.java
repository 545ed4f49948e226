package org.jingzhun.exchange.xlsx.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code _xHHHH_} escapes of OOXML strings (ST_Xstring): Excel stores characters XML cannot hold, such as control
 * characters, this way. Decoded on input, so such characters are seen and refused; a literal {@code _xHHHH_} in text
 * is escaped on output ({@code _x005F_} for its underscore), so it reads back unchanged.
 */
final class ExcelEscapes {
    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private ExcelEscapes() {
    }

    static String decode(String text) {
        if (text == null || text.indexOf("_x") < 0) {
            return text;
        }
        Matcher m = ESCAPE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(sb).toString();
    }

    static String encode(String text) {
        if (text.indexOf("_x") < 0) {
            return text;
        }
        return ESCAPE.matcher(text).replaceAll(r -> Matcher.quoteReplacement("_x005F" + r.group()));
    }
}

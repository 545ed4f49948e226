package org.jingzhun.storage.jdbc.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * One line of PostgreSQL {@code COPY … (FORMAT csv)} input. A null is an unquoted empty field; every text value is
 * quoted with inner quotes doubled, so an empty string stays distinct from null and commas, quotes, backslashes and
 * line breaks pass unchanged.
 */
final class CsvRecord {
    private CsvRecord() {
    }

    static <R> void append(StringBuilder out, List<Column<R>> columns, R row) {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            field(out, columns.get(i).value().apply(row));
        }
        out.append('\n');
    }

    static void field(StringBuilder out, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else {
            String s = value.toString();
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    out.append('"');
                }
                out.append(c);
            }
            out.append('"');
        }
    }
}

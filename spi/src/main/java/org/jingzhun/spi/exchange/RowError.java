package org.jingzhun.spi.exchange;

import java.util.Locale;
import java.util.Objects;
import org.jingzhun.spi.error.Violation;

/**
 * One problem of an imported row (行错误): the sheet, the 1-based row number, the column header (empty for the whole
 * row), the offending value already masked, a stable reason code and the reason in simplified Chinese and English.
 */
public record RowError(String sheet, long row, String column, String value, String code, String messageZh,
        String messageEn) {
    public RowError {
        Objects.requireNonNull(sheet, "sheet");
        column = column == null ? "" : column;
        value = value == null ? "" : value;
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageZh, "messageZh");
        Objects.requireNonNull(messageEn, "messageEn");
    }

    /** An error whose messages come from the error bundle under {@code code}. */
    public static RowError of(String sheet, long row, String column, String maskedValue, String code,
            Object... args) {
        Violation v = Violation.of(sheet, column == null ? "" : column, code, args);
        return new RowError(sheet, row, column, maskedValue, code, v.messageZh(), v.messageEn());
    }

    /** The reason in the requested language (Chinese for any {@code zh} locale). */
    public String message(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? messageZh : messageEn;
    }

    /** {@code 列名“值”：原因}, as written into the error column of an error report. */
    public String describe(Locale locale) {
        boolean zh = "zh".equals(locale.getLanguage());
        StringBuilder sb = new StringBuilder();
        if (!column.isEmpty()) {
            sb.append(column);
            if (!value.isEmpty()) {
                sb.append(zh ? "“" : " \"").append(value).append(zh ? "”" : "\"");
            }
            sb.append(zh ? "：" : ": ");
        }
        return sb.append(message(locale)).toString();
    }
}

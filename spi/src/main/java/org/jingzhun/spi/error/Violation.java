package org.jingzhun.spi.error;

import java.util.Locale;
import java.util.Objects;

/**
 * One reason a record was refused: which record (for example {@code household 341702-00001} or
 * {@code row 17}), which field path ({@code members[1].citizenId}), a stable reason code and the message in
 * English and simplified Chinese.
 */
public record Violation(String record, String field, String code, String messageEn, String messageZh) {
    public Violation {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageEn, "messageEn");
        Objects.requireNonNull(messageZh, "messageZh");
    }

    /** Builds a violation whose messages come from the error bundle under {@code code}. */
    public static Violation of(String record, String field, String code, Object... args) {
        return new Violation(record, field, code,
                JingzhunException.render(code, Locale.ENGLISH, args),
                JingzhunException.render(code, Locale.SIMPLIFIED_CHINESE, args));
    }

    /** Message in the requested language (Chinese for any {@code zh} locale, English otherwise). */
    public String message(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? messageZh : messageEn;
    }

    /** {@code record / field: message}, as shown in a list of errors. */
    public String describe(Locale locale) {
        return record + " / " + field + ": " + message(locale);
    }
}

package org.jingzhun.spi.exchange;

import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.person.Masking;

/**
 * Whether a column holds personal data (个人信息) and how its value is masked when quoted in an error message.
 */
public enum Sensitivity {
    NONE, CITIZEN_ID, PHONE, BANK_ACCOUNT, ADDRESS;

    /** The value as it may appear in an error: masked for personal data, shortened when very long. */
    public String mask(String raw) {
        if (raw == null) {
            return "";
        }
        return switch (this) {
            case NONE -> raw.length() > 40 ? raw.substring(0, 40) + "…(" + raw.length() + ")" : raw;
            case CITIZEN_ID -> CitizenId.isValid(raw) ? CitizenId.parse(raw).masked() : keep(raw, 6, 4);
            case PHONE -> Masking.phone(raw);
            case BANK_ACCOUNT -> Masking.bankAccount(raw);
            case ADDRESS -> raw.isEmpty() ? raw : raw.substring(0, Math.min(3, raw.length())) + "****";
        };
    }

    private static String keep(String v, int head, int tail) {
        if (v.length() <= head + tail) {
            return "****";
        }
        return v.substring(0, head) + "*".repeat(Math.min(8, v.length() - head - tail)) + v.substring(v.length() - tail);
    }
}

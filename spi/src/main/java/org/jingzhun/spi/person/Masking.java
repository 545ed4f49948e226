package org.jingzhun.spi.person;

/**
 * De-identification of personal data shown on screens, paper or public notices (GB/T 35273, GB/T 37964):
 * phone and bank numbers keep their first 3 and last 4 characters, names keep the surname.
 */
public final class Masking {
    private Masking() {
    }

    /** {@code 139****5678}; short or null values become {@code ****}. */
    public static String phone(String phone) {
        return keep(phone, 3, 4);
    }

    /** {@code 622****1234}. */
    public static String bankAccount(String account) {
        return keep(account, 3, 4);
    }

    /** {@code 张*} / {@code 欧阳**}: the first character kept (two for a four-character name). */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int keep = name.codePointCount(0, name.length()) >= 4 ? 2 : 1;
        int cut = name.offsetByCodePoints(0, keep);
        return name.substring(0, cut) + "*".repeat(Math.max(1, name.codePointCount(cut, name.length())));
    }

    private static String keep(String v, int head, int tail) {
        if (v == null) {
            return null;
        }
        if (v.length() <= head + tail) {
            return "****";
        }
        return v.substring(0, head) + "*".repeat(v.length() - head - tail) + v.substring(v.length() - tail);
    }
}

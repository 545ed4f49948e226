package org.jingzhun.storage.jdbc.internal;

import java.util.regex.Pattern;

/**
 * JDBC URLs made safe to show: a password may sit in the URL itself ({@code ?password=…}, {@code ;PASSWORD=…} or
 * {@code //user:secret@host}); every such value is replaced by {@code ****}.
 */
public final class JdbcUrls {
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;](?:password|pwd)=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?;]+:)[^@/]*@");

    private JdbcUrls() {
    }

    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        String out = PASSWORD_PARAM.matcher(url).replaceAll("$1****");
        return USER_INFO.matcher(out).replaceAll("$1****@");
    }

    /** {@code text} with every occurrence of a non-empty {@code secret} replaced by {@code ****}. */
    static String scrub(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "****");
    }
}

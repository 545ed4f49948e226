package org.jingzhun.spi.error;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Root of every error Jingzhun raises. Each carries a stable machine-readable {@link #code()} and arguments; the
 * human message comes from the {@code org.jingzhun.spi.error.messages} bundle (zh-CN and en), so a portal can show
 * it in the user's language with {@link #localizedMessage(Locale)}. {@link #getMessage()} is English, for logs.
 */
public class JingzhunException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final String BUNDLE = "org.jingzhun.spi.error.messages";

    private final String code;
    private final transient Object[] args;

    public JingzhunException(String code, Object... args) {
        this(code, null, args);
    }

    public JingzhunException(String code, Throwable cause, Object... args) {
        super(render(code, Locale.ENGLISH, args), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.args = args == null ? new Object[0] : args.clone();
    }

    /** Stable identifier such as {@code household.not_found}; never localised. */
    public String code() {
        return code;
    }

    /** The message in the given locale; falls back to English when the bundle has no translation. */
    public String localizedMessage(Locale locale) {
        return render(code, locale, args);
    }

    /** Message in simplified Chinese, the language of the people who use the registry. */
    public String messageZh() {
        return localizedMessage(Locale.SIMPLIFIED_CHINESE);
    }

    /**
     * Integral arguments are years, counts and sequence numbers: shown as plain digits (2015, not "2,015" as
     * {@link MessageFormat} would group them).
     */
    private static Object[] plain(Object[] args) {
        if (args == null) {
            return new Object[0];
        }
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Integer || out[i] instanceof Long || out[i] instanceof Short) {
                out[i] = out[i].toString();
            }
        }
        return out;
    }

    static String render(String code, Locale locale, Object... args) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return new MessageFormat(bundle.getString(code), locale).format(plain(args));
        } catch (MissingResourceException e) {
            if (!Locale.ROOT.equals(locale) && !Locale.ENGLISH.equals(locale)) {
                return render(code, Locale.ROOT, args);
            }
            StringBuilder sb = new StringBuilder(code);
            if (args != null) {
                for (Object a : args) {
                    sb.append(' ').append(a);
                }
            }
            return sb.toString();
        }
    }
}

package org.jingzhun.spi.error;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Input was refused. Lists every {@link Violation} found at once (never only the first), each naming the record,
 * the field and the reason, so a clerk can fix a whole form or import file in one pass. Nothing was written.
 */
public class ValidationException extends JingzhunException {
    private static final long serialVersionUID = 1L;
    private final transient List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super("validation.failed", violations.size(), summary(violations, Locale.ENGLISH));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public String localizedMessage(Locale locale) {
        return render("validation.failed", locale, violations.size(), summary(violations, locale));
    }

    private static String summary(List<Violation> violations, Locale locale) {
        return violations.stream().map(v -> v.describe(locale)).collect(Collectors.joining("; "));
    }
}

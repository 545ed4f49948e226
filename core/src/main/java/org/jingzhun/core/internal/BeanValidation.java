package org.jingzhun.core.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.jingzhun.spi.error.Violation;

/**
 * Runs Bean Validation (Hibernate Validator) and turns constraint violations into bilingual {@link Violation}s. The
 * object is validated once per language; that costs little and keeps to the public API. Temporal constraints
 * ({@code @PastOrPresent}) read the host's clock with a day's tolerance, and every text in the record graph passes
 * {@link TextHygiene}.
 */
public final class BeanValidation implements AutoCloseable {
    private final ValidatorFactory english;
    private final ValidatorFactory chinese;
    private final Validator en;
    private final Validator zh;

    private final TextHygiene hygiene = new TextHygiene();

    public BeanValidation(java.time.Clock clock) {
        english = factory(Locale.ENGLISH, clock);
        chinese = factory(Locale.SIMPLIFIED_CHINESE, clock);
        en = english.getValidator();
        zh = chinese.getValidator();
    }

    private static ValidatorFactory factory(Locale locale, java.time.Clock clock) {
        return Validation.byProvider(HibernateValidator.class).configure()
                .defaultLocale(locale)
                .clockProvider(() -> clock)
                .temporalValidationTolerance(java.time.Duration.ofDays(1))
                .buildValidatorFactory();
    }

    /** Every violation of {@code value}'s constraints, attributed to {@code record}; empty when valid. */
    public List<Violation> validate(String record, Object value) {
        Set<ConstraintViolation<Object>> enViolations = en.validate(value);
        List<Violation> unclean = hygiene.check(record, value);
        if (enViolations.isEmpty()) {
            return unclean;
        }
        Map<String, String> zhMessages = new HashMap<>();
        for (ConstraintViolation<Object> v : zh.validate(value)) {
            zhMessages.put(key(v), v.getMessage());
        }
        List<Violation> out = new ArrayList<>(unclean);
        for (ConstraintViolation<Object> v : enViolations) {
            String field = v.getPropertyPath().toString();
            String code = "constraint." + v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            out.add(new Violation(record, field.isEmpty() ? "(record)" : field, code, v.getMessage(),
                    zhMessages.getOrDefault(key(v), v.getMessage())));
        }
        out.sort((a, b) -> a.field().compareTo(b.field()));
        return out;
    }

    private static String key(ConstraintViolation<?> v) {
        return v.getPropertyPath() + "|" + v.getMessageTemplate();
    }

    @Override
    public void close() {
        english.close();
        chinese.close();
    }
}

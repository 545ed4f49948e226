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
 * object is validated once per language; that costs little and keeps to the public API.
 */
public final class BeanValidation implements AutoCloseable {
    private final ValidatorFactory english;
    private final ValidatorFactory chinese;
    private final Validator en;
    private final Validator zh;

    public BeanValidation() {
        english = factory(Locale.ENGLISH);
        chinese = factory(Locale.SIMPLIFIED_CHINESE);
        en = english.getValidator();
        zh = chinese.getValidator();
    }

    private static ValidatorFactory factory(Locale locale) {
        return Validation.byProvider(HibernateValidator.class).configure()
                .defaultLocale(locale)
                .buildValidatorFactory();
    }

    /** Every violation of {@code value}'s constraints, attributed to {@code record}; empty when valid. */
    public List<Violation> validate(String record, Object value) {
        Set<ConstraintViolation<Object>> enViolations = en.validate(value);
        if (enViolations.isEmpty()) {
            return List.of();
        }
        Map<String, String> zhMessages = new HashMap<>();
        for (ConstraintViolation<Object> v : zh.validate(value)) {
            zhMessages.put(key(v), v.getMessage());
        }
        List<Violation> out = new ArrayList<>();
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

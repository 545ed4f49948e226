package org.jingzhun.spi.person;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.Year;

/**
 * Bean Validation constraint (不得晚于当前日期) for what cannot lie in the future: a year ({@code int}) that must have
 * begun, or a {@link CitizenId} whose birth date must not be after today. "Now" is the validator's clock, which core
 * sets to the host's clock. {@code null} and redacted IDs are left to other checks.
 */
@Documented
@Constraint(validatedBy = NotFuture.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotFuture {
    String message() default "{org.jingzhun.spi.person.NotFuture.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Compares with the clock of the validator factory. */
    class Validator implements ConstraintValidator<NotFuture, Object> {
        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            var clock = context.getClockProvider().getClock();
            if (value instanceof Integer year) {
                return year <= Year.now(clock).getValue();
            }
            if (value instanceof CitizenId id && !id.isRedacted()) {
                return !id.birthDate().isAfter(LocalDate.now(clock));
            }
            return true;
        }
    }
}

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

/**
 * Bean Validation constraint for a string holding a citizen ID (GB 11643-1999), 18 characters with a correct check
 * character, or a legacy 15-digit number; a lower-case {@code x} is accepted. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = ValidCitizenId.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidCitizenId {
    String message() default "{org.jingzhun.spi.person.ValidCitizenId.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Delegates to {@link CitizenId#isValid(String)}. */
    class Validator implements ConstraintValidator<ValidCitizenId, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || CitizenId.isValid(value.toString());
        }
    }
}

package org.jingzhun.spi.region;

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
 * Bean Validation constraint for a string holding a 12-digit statistical division code, for hosts that keep codes
 * as strings in their own forms. {@code null} is valid (combine with {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = ValidRegionCode.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidRegionCode {
    String message() default "{org.jingzhun.spi.region.ValidRegionCode.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link RegionCode#problem(String)}. */
    class Validator implements ConstraintValidator<ValidRegionCode, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || RegionCode.problem(value.toString()) == null;
        }
    }
}

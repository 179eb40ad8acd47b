package io.marquee.command.account;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A new password has 12 to 128 characters. Null is left to {@code @NotNull}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PasswordPolicy.Validator.class)
public @interface PasswordPolicy {

    String message() default "must have " + PlainPassword.MIN_LENGTH + " to " + PlainPassword.MAX_LENGTH + " characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the length of a {@link PlainPassword}. */
    class Validator implements ConstraintValidator<PasswordPolicy, PlainPassword> {

        @Override
        public boolean isValid(PlainPassword password, ConstraintValidatorContext context) {
            return password == null
                    || (password.length() >= PlainPassword.MIN_LENGTH && password.length() <= PlainPassword.MAX_LENGTH);
        }
    }
}

package io.marquee.infra.web;

import java.util.List;

/**
 * Input checked by hand (e.g. the elements of a top-level JSON array) that is invalid: 400 problem+json
 * with the same {@code errors: [{field, message}]} list as bean validation.
 */
public class InvalidFieldsException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidFieldsException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
    }

    /** One query parameter (or header) the read cannot accept, named in the answer. */
    public static InvalidFieldsException parameter(String name, String message) {
        return new InvalidFieldsException(List.of(new FieldError(name, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}

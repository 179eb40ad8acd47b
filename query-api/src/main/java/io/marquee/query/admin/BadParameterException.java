package io.marquee.query.admin;

/** A query parameter outside what the read accepts; answered 400 naming the parameter. */
final class BadParameterException extends RuntimeException {

    private final String parameter;

    BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}

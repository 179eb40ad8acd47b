package io.marquee.query.history;

/** A query parameter of a history read that it cannot accept; answered 400 naming the parameter. */
final class HistoryParameterException extends RuntimeException {

    private final String parameter;

    HistoryParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}

package io.marquee.infra.web;

/** A request carrying more items than one request may: 413 problem+json, like a body over the size limit. */
public class TooManyItemsException extends RuntimeException {

    public TooManyItemsException(String what, int limit) {
        super("At most " + limit + " " + what + " per request.");
    }
}

package io.marquee.infra.web;

/**
 * Answers 404. Also what another organization's id gets, so that existence does not leak.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " was not found");
    }
}

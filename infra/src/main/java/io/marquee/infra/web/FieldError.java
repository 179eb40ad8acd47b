package io.marquee.infra.web;

/** One entry of a problem's {@code errors} list: which field, and what is wrong with it. */
public record FieldError(String field, String message) {
}

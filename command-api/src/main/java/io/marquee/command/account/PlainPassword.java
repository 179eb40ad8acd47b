package io.marquee.command.account;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Objects;

/**
 * A password as a client sent it. Its own type so that it never shows up in a log line, an exception
 * message or a validation error: {@link #toString()} gives nothing away.
 */
public final class PlainPassword {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private final String value;

    private PlainPassword(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PlainPassword of(String value) {
        return new PlainPassword(value);
    }

    /** The password itself: only for hashing and checking. */
    public String reveal() {
        return value;
    }

    /** The length in characters (code points), which the password policy counts. */
    int length() {
        return value.codePointCount(0, value.length());
    }

    @Override
    public String toString() {
        return "[password]";
    }
}

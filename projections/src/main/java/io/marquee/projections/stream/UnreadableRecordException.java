package io.marquee.projections.stream;

/**
 * A record no projection can read (not JSON, an unknown type, missing fields): it goes to a
 * dead-letter topic with this message as the reason, and the partition keeps flowing.
 */
public class UnreadableRecordException extends IllegalArgumentException {

    public UnreadableRecordException(String reason) {
        super(reason);
    }

    public UnreadableRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

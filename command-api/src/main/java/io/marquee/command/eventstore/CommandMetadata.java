package io.marquee.command.eventstore;

/** Metadata keys that every command carries and every event inherits: the audit trail. */
public final class CommandMetadata {

    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";

    private CommandMetadata() {
    }
}

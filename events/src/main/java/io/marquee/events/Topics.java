package io.marquee.events;

import java.time.Duration;

import java.util.List;

/** The registry of Marquee's topics: name, key and value in one place, never as repeated literals. */
public final class Topics {

    /** Every stored domain event, in store order per organization. */
    public static final Topic EVENTS = new Topic(
            "marquee.events", "organization id", "EventEnvelope JSON", false);

    /** Records of {@link #EVENTS} that no projection could read, with the reason in headers. */
    public static final Topic EVENTS_DEAD_LETTER = new Topic(
            "marquee.events.dlt", "the original key", "the original bytes", false);

    /** The finished manifest of every display; the latest value per display is all that matters. */
    public static final Topic DISPLAY_MANIFESTS = new Topic(
            "marquee.display-manifests", "display id", "DisplayManifest JSON, or a tombstone", true);

    /** Each display's current token generation and whether it is decommissioned: players' authorization. */
    public static final Topic DISPLAY_ACCESS = new Topic(
            "marquee.display-access", "display id", "DisplayAccess JSON", true);

    /** How far the projections have applied each organization's events. */
    public static final Topic PROJECTION_WATERMARKS = new Topic(
            "marquee.projection-watermarks", "organization id", "ProjectionWatermark JSON", true);

    /** Heartbeats of players: high volume, kept for a month. */
    public static final Topic DISPLAY_HEARTBEATS = new Topic(
            "marquee.display-heartbeats", "display id", "HeartbeatReceived JSON", false, Duration.ofDays(30));

    /** Proof of play batches: kept for a year, the horizon of play reports. */
    public static final Topic PROOF_OF_PLAY = new Topic(
            "marquee.proof-of-play", "display id", "PlaysReported JSON", false, Duration.ofDays(366));

    /** Telemetry records (heartbeats, proof of play) that the projections could not read, with the reason in headers. */
    public static final Topic TELEMETRY_DEAD_LETTER = new Topic(
            "marquee.telemetry.dlt", "the original key", "the original bytes", false, Duration.ofDays(30));

    private Topics() {
    }

    public static List<Topic> all() {
        return List.of(EVENTS, EVENTS_DEAD_LETTER, DISPLAY_MANIFESTS, DISPLAY_ACCESS, PROJECTION_WATERMARKS,
                DISPLAY_HEARTBEATS, PROOF_OF_PLAY, TELEMETRY_DEAD_LETTER);
    }
}

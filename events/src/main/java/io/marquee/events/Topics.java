package io.marquee.events;

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

    private Topics() {
    }

    public static List<Topic> all() {
        return List.of(EVENTS, EVENTS_DEAD_LETTER, DISPLAY_MANIFESTS);
    }
}

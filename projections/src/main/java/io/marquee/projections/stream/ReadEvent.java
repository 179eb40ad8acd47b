package io.marquee.projections.stream;

import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeEvent;

/** An envelope from the topic together with its payload read into the event record. */
public record ReadEvent(EventEnvelope envelope, MarqueeEvent event) {
}

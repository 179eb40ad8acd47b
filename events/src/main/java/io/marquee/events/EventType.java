package io.marquee.events;

/**
 * One entry of the event catalogue.
 *
 * @param name          the stable wire name, e.g. {@code PlaylistAssigned}; never reused for another meaning
 * @param version       the payload schema version; a breaking change is a new version with an upcaster
 * @param aggregateType the aggregate that applies it, e.g. {@code Display}
 * @param javaType      the record that carries it
 */
public record EventType(String name, int version, String aggregateType, Class<? extends MarqueeEvent> javaType) {
}

package io.marquee.events.content;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.OrganizationId;

import java.time.Instant;

/** A content item changed; carries its whole new state (the type never changes). */
public record ContentUpdatedEvent(
        ContentId contentId,
        OrganizationId organizationId,
        String name,
        String uri,
        Integer defaultDurationSeconds,
        String checksum,
        Long sizeBytes,
        Instant validFrom,
        Instant validUntil) implements MarqueeEvent {

    @Override
    public String aggregateId() {
        return contentId.toString();
    }
}

package io.marquee.events.content;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.OrganizationId;

import java.time.Instant;

/**
 * A content item was created. {@code type} is IMAGE, VIDEO, WEB_PAGE or HTML; optional fields are null
 * when not given.
 */
public record ContentCreatedEvent(
        ContentId contentId,
        OrganizationId organizationId,
        String name,
        String type,
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

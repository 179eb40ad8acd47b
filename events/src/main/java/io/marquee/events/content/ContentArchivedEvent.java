package io.marquee.events.content;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.OrganizationId;

/** A content item was archived: it disappears from every manifest and cannot be added to playlists. */
public record ContentArchivedEvent(
        ContentId contentId,
        OrganizationId organizationId) implements MarqueeEvent {

    @Override
    public String aggregateId() {
        return contentId.toString();
    }
}

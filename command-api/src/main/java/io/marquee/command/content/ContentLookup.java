package io.marquee.command.content;

import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.OrganizationId;

import java.util.Optional;

/** What another aggregate may ask about a content item before referring to it. */
@FunctionalInterface
public interface ContentLookup {

    /** What is known of one content item. */
    record Entry(ContentId contentId, OrganizationId organizationId, boolean archived) {
    }

    Optional<Entry> find(ContentId contentId);
}

package io.marquee.command.content;

import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Archive a content item: it leaves every manifest and can no longer be added to playlists. */
record ArchiveContentCommand(@TargetAggregateIdentifier ContentId contentId, OrganizationId organizationId) {
}

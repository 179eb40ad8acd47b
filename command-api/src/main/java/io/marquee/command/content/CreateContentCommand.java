package io.marquee.command.content;

import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a content item of a type, with its details. */
record CreateContentCommand(
        @TargetAggregateIdentifier ContentId contentId,
        OrganizationId organizationId,
        ContentType type,
        ContentDetails details) {
}

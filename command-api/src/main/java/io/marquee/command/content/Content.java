package io.marquee.command.content;

import io.marquee.command.eventstore.EventStoreConfiguration;
import io.marquee.events.content.ContentArchivedEvent;
import io.marquee.events.content.ContentCreatedEvent;
import io.marquee.events.content.ContentUpdatedEvent;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.infra.web.NotFoundException;
import io.marquee.infra.web.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A content item of one organization: what it is, where players fetch it, and when it may play. */
@Aggregate(cache = EventStoreConfiguration.AGGREGATE_CACHE)
class Content {

    @AggregateIdentifier
    private ContentId contentId;
    private OrganizationId organizationId;
    private ContentDetails details;
    private boolean archived;

    protected Content() {
        // for Axon
    }

    @CommandHandler
    Content(CreateContentCommand command) {
        if (command.type() == null) {
            throw RuleViolationException.invalid("content-type-required",
                    "A content item needs a type: IMAGE, VIDEO, WEB_PAGE or HTML.");
        }
        ContentDetails checked = command.details().checked();
        apply(new ContentCreatedEvent(command.contentId(), command.organizationId(), checked.name(),
                command.type().name(), checked.uri(), checked.defaultDurationSeconds(), checked.checksum(),
                checked.sizeBytes(), checked.validFrom(), checked.validUntil()));
    }

    @CommandHandler
    void handle(UpdateContentCommand command) {
        requireOwnedBy(command.organizationId());
        if (archived) {
            throw RuleViolationException.conflict("content-archived",
                    "Content " + contentId + " is archived and cannot be changed.");
        }
        ContentDetails updated = details.patchedWith(command).checked();
        if (!updated.equals(details)) {
            apply(new ContentUpdatedEvent(contentId, organizationId, updated.name(), updated.uri(),
                    updated.defaultDurationSeconds(), updated.checksum(), updated.sizeBytes(),
                    updated.validFrom(), updated.validUntil()));
        }
    }

    @CommandHandler
    void handle(ArchiveContentCommand command) {
        requireOwnedBy(command.organizationId());
        if (!archived) {
            apply(new ContentArchivedEvent(contentId, organizationId));
        }
    }

    @EventSourcingHandler
    void on(ContentCreatedEvent event) {
        contentId = event.contentId();
        organizationId = event.organizationId();
        details = new ContentDetails(event.name(), event.uri(), event.defaultDurationSeconds(), event.checksum(),
                event.sizeBytes(), event.validFrom(), event.validUntil());
    }

    @EventSourcingHandler
    void on(ContentUpdatedEvent event) {
        details = new ContentDetails(event.name(), event.uri(), event.defaultDurationSeconds(), event.checksum(),
                event.sizeBytes(), event.validFrom(), event.validUntil());
    }

    @EventSourcingHandler
    void on(ContentArchivedEvent event) {
        archived = true;
    }

    /** Another organization's content answers exactly like a missing one. */
    private void requireOwnedBy(OrganizationId caller) {
        if (!organizationId.equals(caller)) {
            throw new NotFoundException("Content", contentId);
        }
    }
}

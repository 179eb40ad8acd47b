package io.marquee.command.display;

import io.marquee.command.playlist.PlaylistLookup;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.display.PlaylistAssignedEvent;
import io.marquee.events.display.PlaylistUnassignedEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.infra.web.NotFoundException;
import io.marquee.infra.web.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A screen of one organization, and the playlist it is told to show. */
@Aggregate
class Display {

    static final String DEFAULT_TIMEZONE = "UTC";

    @AggregateIdentifier
    private DisplayId displayId;
    private OrganizationId organizationId;
    private PlaylistId assignedPlaylist;

    protected Display() {
        // for Axon
    }

    @CommandHandler
    Display(RegisterDisplayCommand command) {
        if (command.name() == null || command.name().isBlank()) {
            throw RuleViolationException.invalid("display-name-required", "A display needs a name.");
        }
        apply(new DisplayRegisteredEvent(command.displayId(), command.organizationId(), command.name().strip(),
                command.location(), timezone(command.timezone()),
                command.tags() == null ? List.of() : command.tags()));
    }

    @CommandHandler
    void handle(AssignPlaylistCommand command, PlaylistLookup playlists) {
        requireOwnedBy(command.organizationId());
        PlaylistLookup.Entry playlist = playlists.find(command.playlistId())
                .filter(entry -> entry.organizationId().equals(organizationId))
                .orElseThrow(() -> new NotFoundException("Playlist", command.playlistId()));
        if (playlist.archived()) {
            throw RuleViolationException.conflict("playlist-archived",
                    "Playlist " + command.playlistId() + " is archived and cannot be assigned.");
        }
        if (!command.playlistId().equals(assignedPlaylist)) {
            apply(new PlaylistAssignedEvent(displayId, organizationId, command.playlistId()));
        }
    }

    @CommandHandler
    void handle(UnassignPlaylistCommand command) {
        requireOwnedBy(command.organizationId());
        if (assignedPlaylist != null) {
            apply(new PlaylistUnassignedEvent(displayId, organizationId, assignedPlaylist));
        }
    }

    @EventSourcingHandler
    void on(DisplayRegisteredEvent event) {
        displayId = event.displayId();
        organizationId = event.organizationId();
    }

    @EventSourcingHandler
    void on(PlaylistAssignedEvent event) {
        assignedPlaylist = event.playlistId();
    }

    @EventSourcingHandler
    void on(PlaylistUnassignedEvent event) {
        assignedPlaylist = null;
    }

    /** Another organization's display answers exactly like a missing one. */
    private void requireOwnedBy(OrganizationId caller) {
        if (!organizationId.equals(caller)) {
            throw new NotFoundException("Display", displayId);
        }
    }

    private static String timezone(String requested) {
        if (requested == null || requested.isBlank()) {
            return DEFAULT_TIMEZONE;
        }
        try {
            return ZoneId.of(requested).getId();
        } catch (DateTimeException e) {
            throw RuleViolationException.invalid("display-timezone-iana",
                    "timezone must be an IANA zone id such as Europe/Paris.");
        }
    }
}

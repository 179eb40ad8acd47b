package io.marquee.command.display;

import io.marquee.command.eventstore.EventStoreConfiguration;
import io.marquee.command.display.token.DeviceTokenHash;
import io.marquee.command.display.token.DeviceTokenStore;
import io.marquee.command.playlist.PlaylistLookup;
import io.marquee.events.display.DeviceTokenIssuedEvent;
import io.marquee.events.display.DisplayDecommissionedEvent;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.display.DisplayUpdatedEvent;
import io.marquee.events.display.PlaylistAssignedEvent;
import io.marquee.events.display.PlaylistUnassignedEvent;
import io.marquee.events.display.ScheduleEntryAddedEvent;
import io.marquee.events.display.ScheduleEntryRemovedEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.ScheduleEntryId;
import io.marquee.infra.web.NotFoundException;
import io.marquee.infra.web.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A screen of one organization: its details, its device token, the playlist it shows by default and
 * the schedule entries that override it. A decommissioned display refuses every further change.
 */
@Aggregate(cache = EventStoreConfiguration.AGGREGATE_CACHE)
class Display {

    private static final long FIRST_TOKEN_GENERATION = 1;

    @AggregateIdentifier
    private DisplayId displayId;
    private OrganizationId organizationId;
    private DisplayDetails details;
    private PlaylistId assignedPlaylist;
    private long tokenGeneration;
    private boolean decommissioned;
    private final Set<ScheduleEntryId> scheduleEntries = new LinkedHashSet<>();

    protected Display() {
        // for Axon
    }

    @CommandHandler
    Display(RegisterDisplayCommand command, DeviceTokenStore tokens) {
        DisplayDetails registered = DisplayDetails.of(command.name(), command.location(), command.timezone(), command.tags());
        apply(new DisplayRegisteredEvent(command.displayId(), command.organizationId(), registered.name(),
                registered.location(), registered.timezone(), registered.tags()));
        // In a constructor the events are not sourced yet: the fields are still empty here.
        tokens.replace(command.displayId(), command.organizationId(), FIRST_TOKEN_GENERATION, command.tokenHash());
        apply(new DeviceTokenIssuedEvent(command.displayId(), command.organizationId(), FIRST_TOKEN_GENERATION));
    }

    @CommandHandler
    void handle(UpdateDisplayCommand command) {
        requireActiveAndOwnedBy(command.organizationId());
        DisplayDetails updated = details.updatedBy(command);
        if (!updated.equals(details)) {
            apply(new DisplayUpdatedEvent(displayId, organizationId, updated.name(), updated.location(),
                    updated.timezone(), updated.tags()));
        }
    }

    @CommandHandler
    void handle(RotateDeviceTokenCommand command, DeviceTokenStore tokens) {
        requireActiveAndOwnedBy(command.organizationId());
        if (command.generation() != tokenGeneration + 1) {
            throw RuleViolationException.conflict("device-token-generation",
                    "The device token of display " + displayId + " was rotated at the same time; rotate it again.");
        }
        issueNextToken(command.tokenHash(), tokens);
    }

    @CommandHandler
    void handle(DecommissionDisplayCommand command, DeviceTokenStore tokens) {
        requireOwnedBy(command.organizationId());
        if (!decommissioned) {
            tokens.revoke(displayId);
            apply(new DisplayDecommissionedEvent(displayId, organizationId));
        }
    }

    @CommandHandler
    void handle(AssignPlaylistCommand command, PlaylistLookup playlists) {
        requireActiveAndOwnedBy(command.organizationId());
        requireLivePlaylist(command.playlistId(), playlists);
        if (!command.playlistId().equals(assignedPlaylist)) {
            apply(new PlaylistAssignedEvent(displayId, organizationId, command.playlistId()));
        }
    }

    @CommandHandler
    void handle(UnassignPlaylistCommand command) {
        requireActiveAndOwnedBy(command.organizationId());
        if (assignedPlaylist != null) {
            apply(new PlaylistUnassignedEvent(displayId, organizationId, assignedPlaylist));
        }
    }

    @CommandHandler
    void handle(AddScheduleEntryCommand command, PlaylistLookup playlists) {
        requireActiveAndOwnedBy(command.organizationId());
        List<String> days = ScheduleRules.days(command.daysOfWeek());
        ScheduleRules.requireTimeWindow(command.startTime(), command.endTime());
        ScheduleRules.requireDateRange(command.startDate(), command.endDate());
        int priority = ScheduleRules.priority(command.priority());
        requireLivePlaylist(command.playlistId(), playlists);
        ScheduleRules.requireRoomIn(scheduleEntries.size());
        apply(new ScheduleEntryAddedEvent(displayId, organizationId, command.entryId(), command.playlistId(), days,
                command.startTime(), command.endTime(), command.startDate(), command.endDate(), priority));
    }

    @CommandHandler
    void handle(RemoveScheduleEntryCommand command) {
        requireActiveAndOwnedBy(command.organizationId());
        if (!scheduleEntries.contains(command.entryId())) {
            throw new NotFoundException("Schedule entry", command.entryId());
        }
        apply(new ScheduleEntryRemovedEvent(displayId, organizationId, command.entryId()));
    }

    @EventSourcingHandler
    void on(DisplayRegisteredEvent event) {
        displayId = event.displayId();
        organizationId = event.organizationId();
        details = new DisplayDetails(event.name(), event.location(), event.timezone(), event.tags());
    }

    @EventSourcingHandler
    void on(DisplayUpdatedEvent event) {
        details = new DisplayDetails(event.name(), event.location(), event.timezone(), event.tags());
    }

    @EventSourcingHandler
    void on(DeviceTokenIssuedEvent event) {
        tokenGeneration = event.generation();
    }

    @EventSourcingHandler
    void on(DisplayDecommissionedEvent event) {
        decommissioned = true;
    }

    @EventSourcingHandler
    void on(PlaylistAssignedEvent event) {
        assignedPlaylist = event.playlistId();
    }

    @EventSourcingHandler
    void on(PlaylistUnassignedEvent event) {
        assignedPlaylist = null;
    }

    @EventSourcingHandler
    void on(ScheduleEntryAddedEvent event) {
        scheduleEntries.add(event.entryId());
    }

    @EventSourcingHandler
    void on(ScheduleEntryRemovedEvent event) {
        scheduleEntries.remove(event.entryId());
    }

    /** The hash is written in this command's transaction, so it is valid exactly when the event is stored. */
    private void issueNextToken(DeviceTokenHash hash, DeviceTokenStore tokens) {
        long generation = tokenGeneration + 1;
        tokens.replace(displayId, organizationId, generation, hash);
        apply(new DeviceTokenIssuedEvent(displayId, organizationId, generation));
    }

    private void requireLivePlaylist(PlaylistId playlistId, PlaylistLookup playlists) {
        PlaylistLookup.Entry playlist = playlists.find(playlistId)
                .filter(entry -> entry.organizationId().equals(organizationId))
                .orElseThrow(() -> new NotFoundException("Playlist", playlistId));
        if (playlist.archived()) {
            throw RuleViolationException.conflict("playlist-archived",
                    "Playlist " + playlistId + " is archived and cannot be shown.");
        }
    }

    private void requireActiveAndOwnedBy(OrganizationId caller) {
        requireOwnedBy(caller);
        if (decommissioned) {
            throw RuleViolationException.conflict("display-decommissioned",
                    "Display " + displayId + " is decommissioned and accepts no more changes.");
        }
    }

    /** Another organization's display answers exactly like a missing one. */
    private void requireOwnedBy(OrganizationId caller) {
        if (!organizationId.equals(caller)) {
            throw new NotFoundException("Display", displayId);
        }
    }
}

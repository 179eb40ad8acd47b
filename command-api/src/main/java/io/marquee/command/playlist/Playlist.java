package io.marquee.command.playlist;

import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import io.marquee.events.playlist.PlaylistItem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A playlist: command handlers decide, event sourcing handlers only remember. */
@Aggregate
class Playlist {

    @AggregateIdentifier
    private PlaylistId playlistId;
    private OrganizationId organizationId;

    protected Playlist() {
        // for Axon
    }

    @CommandHandler
    Playlist(CreatePlaylistCommand command) {
        PlaylistRules.requireName(command.name());
        List<CreatePlaylistCommand.NewItem> requested = command.items() == null ? List.of() : command.items();
        PlaylistRules.requireRoomFor(requested.size());
        List<PlaylistItem> items = requested.stream()
                .map(item -> new PlaylistItem(PlaylistItemId.random(),
                        PlaylistRules.webUri(item.uri()), PlaylistRules.duration(item.durationSeconds()), null))
                .toList();
        apply(new PlaylistCreatedEvent(command.playlistId(), command.organizationId(), command.name().strip(), items));
    }

    @EventSourcingHandler
    void on(PlaylistCreatedEvent event) {
        playlistId = event.playlistId();
        organizationId = event.organizationId();
    }
}

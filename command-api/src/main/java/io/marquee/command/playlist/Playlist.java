package io.marquee.command.playlist;

import io.marquee.command.eventstore.EventStoreConfiguration;
import io.marquee.command.content.ContentLookup;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;
import io.marquee.events.playlist.PlaylistArchivedEvent;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import io.marquee.events.playlist.PlaylistItem;
import io.marquee.events.playlist.PlaylistItemAddedEvent;
import io.marquee.events.playlist.PlaylistItemDurationChangedEvent;
import io.marquee.events.playlist.PlaylistItemMovedEvent;
import io.marquee.events.playlist.PlaylistItemRemovedEvent;
import io.marquee.events.playlist.PlaylistRenamedEvent;
import io.marquee.infra.web.NotFoundException;
import io.marquee.infra.web.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A playlist: ordered items, each showing a live content item of the same organization for its own
 * or its content's default duration. Command handlers decide, event sourcing handlers only remember.
 */
@Aggregate(cache = EventStoreConfiguration.AGGREGATE_CACHE)
class Playlist {

    @AggregateIdentifier
    private PlaylistId playlistId;
    private OrganizationId organizationId;
    private String name;
    private boolean archived;
    /** In play order. Items of playlists created before content existed carry a uri and no contentId. */
    private final List<PlaylistItem> items = new ArrayList<>();

    protected Playlist() {
        // for Axon
    }

    @CommandHandler
    Playlist(CreatePlaylistCommand command, ContentLookup contents) {
        PlaylistRules.requireName(command.name());
        List<CreatePlaylistCommand.NewItem> requested = command.items() == null ? List.of() : command.items();
        PlaylistRules.requireRoomFor(requested.size());
        List<PlaylistItem> initial = requested.stream()
                .map(item -> newItem(PlaylistItemId.random(), item.contentId(), item.durationSeconds(),
                        command.organizationId(), contents))
                .toList();
        apply(new PlaylistCreatedEvent(command.playlistId(), command.organizationId(), command.name().strip(), initial));
    }

    @CommandHandler
    void handle(RenamePlaylistCommand command) {
        requireChangeableBy(command.organizationId());
        PlaylistRules.requireName(command.name());
        String newName = command.name().strip();
        if (!newName.equals(name)) {
            apply(new PlaylistRenamedEvent(playlistId, organizationId, newName));
        }
    }

    @CommandHandler
    void handle(AddPlaylistItemCommand command, ContentLookup contents) {
        requireChangeableBy(command.organizationId());
        if (indexOf(command.itemId()) >= 0) {
            throw RuleViolationException.conflict("item-exists",
                    "Playlist " + playlistId + " already has an item " + command.itemId() + ".");
        }
        PlaylistRules.requireRoomFor(items.size() + 1);
        int position = command.position() == null
                ? items.size() : PlaylistRules.insertPosition(command.position(), items.size());
        PlaylistItem item = newItem(command.itemId(), command.contentId(), command.durationSeconds(),
                organizationId, contents);
        apply(new PlaylistItemAddedEvent(playlistId, organizationId, item, position));
    }

    @CommandHandler
    void handle(ChangePlaylistItemCommand command) {
        requireChangeableBy(command.organizationId());
        int index = requireItem(command.itemId());
        PlaylistItem item = items.get(index);
        // decide both changes before applying either, so that a refused one leaves no half-done change
        boolean durationChanges = command.durationSeconds() != null
                && !Objects.equals(PlaylistRules.duration(command.durationSeconds().orElse(null)), item.durationSeconds());
        boolean moves = command.position() != null
                && PlaylistRules.movePosition(command.position(), items.size()) != index;
        if (durationChanges) {
            apply(new PlaylistItemDurationChangedEvent(playlistId, organizationId, item.itemId(),
                    command.durationSeconds().orElse(null)));
        }
        if (moves) {
            apply(new PlaylistItemMovedEvent(playlistId, organizationId, item.itemId(), command.position()));
        }
    }

    @CommandHandler
    void handle(RemovePlaylistItemCommand command) {
        requireChangeableBy(command.organizationId());
        requireItem(command.itemId());
        apply(new PlaylistItemRemovedEvent(playlistId, organizationId, command.itemId()));
    }

    @CommandHandler
    void handle(ArchivePlaylistCommand command) {
        requireOwnedBy(command.organizationId());
        if (!archived) {
            apply(new PlaylistArchivedEvent(playlistId, organizationId));
        }
    }

    @EventSourcingHandler
    void on(PlaylistCreatedEvent event) {
        playlistId = event.playlistId();
        organizationId = event.organizationId();
        name = event.name();
        items.addAll(event.items());
    }

    @EventSourcingHandler
    void on(PlaylistRenamedEvent event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(PlaylistItemAddedEvent event) {
        items.add(Math.min(event.position(), items.size()), event.item());
    }

    @EventSourcingHandler
    void on(PlaylistItemDurationChangedEvent event) {
        int index = indexOf(event.itemId());
        PlaylistItem item = items.get(index);
        items.set(index, new PlaylistItem(item.itemId(), item.uri(), event.durationSeconds(), item.contentId()));
    }

    @EventSourcingHandler
    void on(PlaylistItemMovedEvent event) {
        PlaylistItem item = items.remove(indexOf(event.itemId()));
        items.add(Math.min(event.position(), items.size()), item);
    }

    @EventSourcingHandler
    void on(PlaylistItemRemovedEvent event) {
        items.remove(indexOf(event.itemId()));
    }

    @EventSourcingHandler
    void on(PlaylistArchivedEvent event) {
        archived = true;
    }

    /** An item showing content that exists, belongs to the organization and is not archived. */
    private static PlaylistItem newItem(PlaylistItemId itemId, ContentId contentId, Integer durationSeconds,
                                        OrganizationId organizationId, ContentLookup contents) {
        if (contentId == null) {
            throw RuleViolationException.invalid("item-content-required", "An item needs a contentId.");
        }
        Integer duration = PlaylistRules.duration(durationSeconds);
        ContentLookup.Entry content = contents.find(contentId)
                .filter(entry -> entry.organizationId().equals(organizationId))
                .orElseThrow(() -> new NotFoundException("Content", contentId));
        if (content.archived()) {
            throw RuleViolationException.conflict("content-archived",
                    "Content " + contentId + " is archived and cannot be added to a playlist.");
        }
        return PlaylistItem.ofContent(itemId, contentId, duration);
    }

    private int indexOf(PlaylistItemId itemId) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).itemId().equals(itemId)) {
                return i;
            }
        }
        return -1;
    }

    private int requireItem(PlaylistItemId itemId) {
        int index = indexOf(itemId);
        if (index < 0) {
            throw new NotFoundException("Playlist item", itemId);
        }
        return index;
    }

    /** An archived playlist refuses every change; another organization's answers like a missing one. */
    private void requireChangeableBy(OrganizationId caller) {
        requireOwnedBy(caller);
        if (archived) {
            throw RuleViolationException.conflict("playlist-archived",
                    "Playlist " + playlistId + " is archived and cannot be changed.");
        }
    }

    private void requireOwnedBy(OrganizationId caller) {
        if (!organizationId.equals(caller)) {
            throw new NotFoundException("Playlist", playlistId);
        }
    }
}

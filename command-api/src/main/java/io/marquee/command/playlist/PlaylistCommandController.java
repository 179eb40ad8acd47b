package io.marquee.command.playlist;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.marquee.command.web.Caller;
import io.marquee.command.web.CallerResolver;
import io.marquee.command.web.CommandSender;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.marquee.command.playlist.PlaylistRules.MAX_DURATION_SECONDS;
import static io.marquee.command.playlist.PlaylistRules.MAX_ITEMS;
import static io.marquee.command.playlist.PlaylistRules.MAX_NAME_LENGTH;
import static io.marquee.command.playlist.PlaylistRules.MIN_DURATION_SECONDS;

/** Playlist commands: create, rename, archive, and add, change or remove items. */
@RestController
@RequestMapping("/api/playlists")
class PlaylistCommandController {

    record CreatePlaylistRequest(
            @NotBlank @Size(max = MAX_NAME_LENGTH) String name,
            @Size(max = MAX_ITEMS) List<@Valid @NotNull ItemRequest> items) {
    }

    record ItemRequest(
            @NotNull UUID contentId,
            @Min(MIN_DURATION_SECONDS) @Max(MAX_DURATION_SECONDS) Integer durationSeconds) {
    }

    record RenamePlaylistRequest(@NotBlank @Size(max = MAX_NAME_LENGTH) String name) {
    }

    record AddItemRequest(
            @NotNull UUID contentId,
            @Min(MIN_DURATION_SECONDS) @Max(MAX_DURATION_SECONDS) Integer durationSeconds,
            @PositiveOrZero Integer position) {
    }

    /**
     * A PATCH body: {@code durationSeconds} left out keeps the duration, sent as null resets it to the
     * content's default. A class rather than a record, because Jackson gives a record's absent
     * {@code Optional} the same empty value as an explicit null.
     */
    @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
    static final class ChangeItemRequest {
        @JsonProperty Optional<@Min(MIN_DURATION_SECONDS) @Max(MAX_DURATION_SECONDS) Integer> durationSeconds;
        @JsonProperty @PositiveOrZero Integer position;
    }

    record CreatePlaylistResponse(UUID playlistId) {
    }

    record AddItemResponse(UUID itemId) {
    }

    private final CallerResolver callers;
    private final CommandSender sender;

    PlaylistCommandController(CallerResolver callers, CommandSender sender) {
        this.callers = callers;
        this.sender = sender;
    }

    @PostMapping
    ResponseEntity<CreatePlaylistResponse> create(@Valid @RequestBody CreatePlaylistRequest request) {
        Caller caller = callers.current();
        PlaylistId playlistId = PlaylistId.random();
        List<CreatePlaylistCommand.NewItem> items = request.items() == null ? List.of() : request.items().stream()
                .map(item -> new CreatePlaylistCommand.NewItem(new ContentId(item.contentId()), item.durationSeconds()))
                .toList();
        HttpHeaders headers = sender.send(caller,
                new CreatePlaylistCommand(playlistId, caller.organizationId(), request.name(), items), playlistId);
        headers.setLocation(URI.create("/api/playlists/" + playlistId));
        return new ResponseEntity<>(new CreatePlaylistResponse(playlistId.value()), headers, HttpStatus.CREATED);
    }

    @PatchMapping("/{playlistId}")
    ResponseEntity<Void> rename(@PathVariable UUID playlistId, @Valid @RequestBody RenamePlaylistRequest request) {
        Caller caller = callers.current();
        PlaylistId playlist = new PlaylistId(playlistId);
        HttpHeaders headers = sender.send(caller,
                new RenamePlaylistCommand(playlist, caller.organizationId(), request.name()), playlist);
        return new ResponseEntity<>(headers, HttpStatus.OK);
    }

    @DeleteMapping("/{playlistId}")
    ResponseEntity<Void> archive(@PathVariable UUID playlistId) {
        Caller caller = callers.current();
        PlaylistId playlist = new PlaylistId(playlistId);
        HttpHeaders headers = sender.send(caller, new ArchivePlaylistCommand(playlist, caller.organizationId()), playlist);
        return new ResponseEntity<>(headers, HttpStatus.NO_CONTENT);
    }

    @PostMapping("/{playlistId}/items")
    ResponseEntity<AddItemResponse> addItem(@PathVariable UUID playlistId, @Valid @RequestBody AddItemRequest request) {
        Caller caller = callers.current();
        PlaylistId playlist = new PlaylistId(playlistId);
        PlaylistItemId itemId = PlaylistItemId.random();
        HttpHeaders headers = sender.send(caller, new AddPlaylistItemCommand(playlist, caller.organizationId(), itemId,
                new ContentId(request.contentId()), request.durationSeconds(), request.position()), playlist);
        headers.setLocation(URI.create("/api/playlists/" + playlist + "/items/" + itemId));
        return new ResponseEntity<>(new AddItemResponse(itemId.value()), headers, HttpStatus.CREATED);
    }

    @PatchMapping("/{playlistId}/items/{itemId}")
    ResponseEntity<Void> changeItem(@PathVariable UUID playlistId, @PathVariable UUID itemId,
                                    @Valid @RequestBody ChangeItemRequest request) {
        Caller caller = callers.current();
        PlaylistId playlist = new PlaylistId(playlistId);
        HttpHeaders headers = sender.send(caller, new ChangePlaylistItemCommand(playlist, caller.organizationId(),
                new PlaylistItemId(itemId), request.durationSeconds, request.position), playlist);
        return new ResponseEntity<>(headers, HttpStatus.OK);
    }

    @DeleteMapping("/{playlistId}/items/{itemId}")
    ResponseEntity<Void> removeItem(@PathVariable UUID playlistId, @PathVariable UUID itemId) {
        Caller caller = callers.current();
        PlaylistId playlist = new PlaylistId(playlistId);
        HttpHeaders headers = sender.send(caller,
                new RemovePlaylistItemCommand(playlist, caller.organizationId(), new PlaylistItemId(itemId)), playlist);
        return new ResponseEntity<>(headers, HttpStatus.NO_CONTENT);
    }
}

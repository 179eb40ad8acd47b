package io.marquee.command.playlist;

import io.marquee.command.web.Caller;
import io.marquee.command.web.CallerResolver;
import io.marquee.command.web.CommandSender;
import io.marquee.events.ids.PlaylistId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Playlist commands. */
@RestController
@RequestMapping("/api/playlists")
class PlaylistCommandController {

    record CreatePlaylistRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = PlaylistRules.MAX_ITEMS) List<@Valid @NotNull ItemRequest> items) {
    }

    record ItemRequest(
            @NotBlank @Size(max = 2048) String uri,
            @Min(PlaylistRules.MIN_DURATION_SECONDS) @Max(PlaylistRules.MAX_DURATION_SECONDS) Integer durationSeconds) {
    }

    record CreatePlaylistResponse(UUID playlistId) {
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
                .map(item -> new CreatePlaylistCommand.NewItem(item.uri(), item.durationSeconds()))
                .toList();
        HttpHeaders headers = sender.send(caller,
                new CreatePlaylistCommand(playlistId, caller.organizationId(), request.name(), items), playlistId);
        headers.setLocation(URI.create("/api/playlists/" + playlistId));
        return new ResponseEntity<>(new CreatePlaylistResponse(playlistId.value()), headers, HttpStatus.CREATED);
    }
}

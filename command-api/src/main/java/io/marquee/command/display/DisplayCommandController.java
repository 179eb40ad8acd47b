package io.marquee.command.display;

import io.marquee.command.web.Caller;
import io.marquee.command.web.CallerResolver;
import io.marquee.command.web.CommandSender;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.PlaylistId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Display commands: register, assign and unassign the default playlist. */
@RestController
@RequestMapping("/api/displays")
class DisplayCommandController {

    record RegisterDisplayRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String location,
            @Size(max = 64) String timezone,
            @Size(max = 50) List<@NotBlank @Size(max = 50) String> tags) {
    }

    record RegisterDisplayResponse(UUID displayId) {
    }

    record AssignPlaylistRequest(@NotNull UUID playlistId) {
    }

    private final CallerResolver callers;
    private final CommandSender sender;

    DisplayCommandController(CallerResolver callers, CommandSender sender) {
        this.callers = callers;
        this.sender = sender;
    }

    @PostMapping
    ResponseEntity<RegisterDisplayResponse> register(@Valid @RequestBody RegisterDisplayRequest request) {
        Caller caller = callers.current();
        DisplayId displayId = DisplayId.random();
        HttpHeaders headers = sender.send(caller, new RegisterDisplayCommand(displayId, caller.organizationId(),
                request.name(), request.location(), request.timezone(), request.tags()), displayId);
        headers.setLocation(URI.create("/api/displays/" + displayId));
        return new ResponseEntity<>(new RegisterDisplayResponse(displayId.value()), headers, HttpStatus.CREATED);
    }

    @PutMapping("/{displayId}/playlist")
    ResponseEntity<Void> assignPlaylist(@PathVariable UUID displayId,
                                        @Valid @RequestBody AssignPlaylistRequest request) {
        Caller caller = callers.current();
        DisplayId display = new DisplayId(displayId);
        HttpHeaders headers = sender.send(caller, new AssignPlaylistCommand(display, caller.organizationId(),
                new PlaylistId(request.playlistId())), display);
        return new ResponseEntity<>(headers, HttpStatus.OK);
    }

    @DeleteMapping("/{displayId}/playlist")
    ResponseEntity<Void> unassignPlaylist(@PathVariable UUID displayId) {
        Caller caller = callers.current();
        DisplayId display = new DisplayId(displayId);
        HttpHeaders headers = sender.send(caller, new UnassignPlaylistCommand(display, caller.organizationId()), display);
        return new ResponseEntity<>(headers, HttpStatus.NO_CONTENT);
    }
}

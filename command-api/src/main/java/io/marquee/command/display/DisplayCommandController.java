package io.marquee.command.display;

import io.marquee.command.display.token.DeviceToken;
import io.marquee.command.display.token.DeviceTokenStore;
import io.marquee.command.display.token.DeviceTokenIssuer;
import io.marquee.command.web.Caller;
import io.marquee.command.web.CallerResolver;
import io.marquee.command.web.CommandSender;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.PlaylistId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Display commands: register, update, rotate the device token, decommission, (un)assign the default playlist. */
@RestController
@RequestMapping("/api/displays")
class DisplayCommandController {

    /** Present but blank is refused; absent (null) passes. */
    private static final String NOT_BLANK = "(?s).*\\S.*";

    record RegisterDisplayRequest(
            @NotBlank @Size(max = DisplayRules.MAX_NAME_LENGTH) String name,
            @Size(max = DisplayRules.MAX_LOCATION_LENGTH) String location,
            @Size(max = DisplayRules.MAX_TIMEZONE_LENGTH) String timezone,
            @Size(max = DisplayRules.MAX_TAGS) List<@NotBlank @Size(max = DisplayRules.MAX_TAG_LENGTH) String> tags) {
    }

    record RegisterDisplayResponse(UUID displayId, String deviceToken) {
    }

    record UpdateDisplayRequest(
            @Pattern(regexp = NOT_BLANK, message = "must not be blank") @Size(max = DisplayRules.MAX_NAME_LENGTH) String name,
            @Size(max = DisplayRules.MAX_LOCATION_LENGTH) String location,
            @Size(max = DisplayRules.MAX_TIMEZONE_LENGTH) String timezone,
            @Size(max = DisplayRules.MAX_TAGS) List<@NotBlank @Size(max = DisplayRules.MAX_TAG_LENGTH) String> tags) {
    }

    record DeviceTokenResponse(String deviceToken) {
    }

    record AssignPlaylistRequest(@NotNull UUID playlistId) {
    }

    private final CallerResolver callers;
    private final CommandSender sender;
    private final DeviceTokenIssuer deviceTokens;
    private final DeviceTokenStore tokenStore;

    DisplayCommandController(CallerResolver callers, CommandSender sender, DeviceTokenIssuer deviceTokens,
                             DeviceTokenStore tokenStore) {
        this.callers = callers;
        this.sender = sender;
        this.deviceTokens = deviceTokens;
        this.tokenStore = tokenStore;
    }

    @PostMapping
    ResponseEntity<RegisterDisplayResponse> register(@Valid @RequestBody RegisterDisplayRequest request) {
        Caller caller = callers.current();
        DisplayId displayId = DisplayId.random();
        DeviceToken token = deviceTokens.issue(displayId, caller.organizationId(), 1);
        HttpHeaders headers = sender.send(caller, new RegisterDisplayCommand(displayId, caller.organizationId(),
                request.name(), request.location(), request.timezone(), request.tags(), token.hash()), displayId);
        headers.setLocation(URI.create("/api/displays/" + displayId));
        headers.setCacheControl(CacheControl.noStore());
        return new ResponseEntity<>(new RegisterDisplayResponse(displayId.value(), token.secret()), headers,
                HttpStatus.CREATED);
    }

    @PatchMapping("/{displayId}")
    ResponseEntity<Void> update(@PathVariable UUID displayId, @Valid @RequestBody UpdateDisplayRequest request) {
        Caller caller = callers.current();
        DisplayId display = new DisplayId(displayId);
        HttpHeaders headers = sender.send(caller, new UpdateDisplayCommand(display, caller.organizationId(),
                request.name(), request.location(), request.timezone(), request.tags()), display);
        return new ResponseEntity<>(headers, HttpStatus.OK);
    }

    @PostMapping("/{displayId}/device-token")
    ResponseEntity<DeviceTokenResponse> rotateDeviceToken(@PathVariable UUID displayId) {
        Caller caller = callers.current();
        DisplayId display = new DisplayId(displayId);
        // signed for the next generation; the aggregate refuses it if another rotation took that one
        long generation = tokenStore.generationOf(display) + 1;
        DeviceToken token = deviceTokens.issue(display, caller.organizationId(), generation);
        HttpHeaders headers = sender.send(caller,
                new RotateDeviceTokenCommand(display, caller.organizationId(), generation, token.hash()), display);
        headers.setCacheControl(CacheControl.noStore());
        return new ResponseEntity<>(new DeviceTokenResponse(token.secret()), headers, HttpStatus.CREATED);
    }

    @DeleteMapping("/{displayId}")
    ResponseEntity<Void> decommission(@PathVariable UUID displayId) {
        Caller caller = callers.current();
        DisplayId display = new DisplayId(displayId);
        HttpHeaders headers = sender.send(caller, new DecommissionDisplayCommand(display, caller.organizationId()), display);
        return new ResponseEntity<>(headers, HttpStatus.NO_CONTENT);
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

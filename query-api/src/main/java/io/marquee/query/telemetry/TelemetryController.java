package io.marquee.query.telemetry;

import io.marquee.events.Topics;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.PlaylistItemId;
import io.marquee.events.telemetry.HeartbeatReceived;
import io.marquee.events.telemetry.Play;
import io.marquee.events.telemetry.PlaysReported;
import io.marquee.infra.security.AuthenticatedDevice;
import io.marquee.infra.web.FieldError;
import io.marquee.infra.web.InvalidFieldsException;
import io.marquee.infra.web.TooManyItemsException;
import io.marquee.query.access.PlayerAccess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * What players report: heartbeats and proof of play. High-volume facts, not commands: checked, stamped
 * with the platform's clock, and published to their own topics keyed by display id. Only the display
 * itself may report (its current device token); anyone else gets 404, like for a missing display.
 */
@RestController
class TelemetryController {

    record HeartbeatRequest(Long manifestVersion, UUID currentItemId) {
    }

    record PlayRequest(UUID itemId, UUID contentId, Long manifestVersion, Instant startedAt, Long durationMs) {
    }

    private final PlayerAccess access;
    private final TelemetryPublisher publisher;
    private final int maxPlays;
    private final Clock clock = Clock.systemUTC();

    TelemetryController(PlayerAccess access, TelemetryPublisher publisher,
                        @Value("${marquee.query.telemetry.max-plays-per-batch}") int maxPlays) {
        this.access = access;
        this.publisher = publisher;
        this.maxPlays = maxPlays;
    }

    @PostMapping("/api/displays/{displayId}/heartbeat")
    CompletableFuture<ResponseEntity<Void>> heartbeat(@PathVariable UUID displayId,
                                                      @RequestBody(required = false) HeartbeatRequest request) {
        AuthenticatedDevice device = access.device(displayId);
        if (request == null || request.manifestVersion() == null || request.manifestVersion() < 0) {
            throw new InvalidFieldsException(List.of(new FieldError("manifestVersion", "must be a number of at least 0")));
        }
        HeartbeatReceived heartbeat = new HeartbeatReceived(device.displayId(), device.organizationId(), clock.instant(),
                request.manifestVersion(), request.currentItemId() == null ? null : new PlaylistItemId(request.currentItemId()));
        return publisher.publish(Topics.DISPLAY_HEARTBEATS, device.displayId(), heartbeat)
                .thenApply(acked -> ResponseEntity.noContent().build());
    }

    @PostMapping("/api/displays/{displayId}/plays")
    CompletableFuture<ResponseEntity<Void>> plays(@PathVariable UUID displayId,
                                                  @RequestBody(required = false) List<PlayRequest> request) {
        AuthenticatedDevice device = access.device(displayId);
        if (request == null || request.isEmpty()) {
            throw new InvalidFieldsException(List.of(new FieldError("plays", "must be a non-empty list of plays")));
        }
        if (request.size() > maxPlays) {
            throw new TooManyItemsException("plays", maxPlays);
        }
        PlaysReported report = new PlaysReported(UUID.randomUUID(), device.displayId(), device.organizationId(),
                clock.instant(), checked(request));
        return publisher.publish(Topics.PROOF_OF_PLAY, device.displayId(), report)
                .thenApply(acked -> ResponseEntity.status(HttpStatus.ACCEPTED).build());
    }

    private static List<Play> checked(List<PlayRequest> request) {
        List<FieldError> errors = new ArrayList<>();
        List<Play> plays = new ArrayList<>(request.size());
        for (int i = 0; i < request.size(); i++) {
            PlayRequest play = request.get(i);
            String at = "[" + i + "].";
            if (play == null) {
                errors.add(new FieldError("[" + i + "]", "must be a play"));
                continue;
            }
            require(play.itemId() != null, at + "itemId", "must not be null", errors);
            require(play.contentId() != null, at + "contentId", "must not be null", errors);
            require(play.manifestVersion() != null && play.manifestVersion() >= 0, at + "manifestVersion",
                    "must be a number of at least 0", errors);
            require(play.startedAt() != null, at + "startedAt", "must be an ISO-8601 instant", errors);
            require(play.durationMs() != null && play.durationMs() >= 0, at + "durationMs",
                    "must be a number of at least 0", errors);
            if (errors.isEmpty()) {
                plays.add(new Play(new PlaylistItemId(play.itemId()), new ContentId(play.contentId()),
                        play.manifestVersion(), play.startedAt(), play.durationMs()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors.size() > 20 ? errors.subList(0, 20) : errors);
        }
        return plays;
    }

    private static void require(boolean valid, String field, String message, List<FieldError> errors) {
        if (!valid) {
            errors.add(new FieldError(field, message));
        }
    }
}

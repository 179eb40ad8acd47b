package io.marquee.query.manifest;

import io.marquee.infra.security.AuthenticatedDevice;
import io.marquee.query.access.PlayerAccess;
import io.marquee.query.position.PositionGate;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The players' hot path: the manifest from memory, as pre-serialized bytes with a precomputed strong
 * ETag, and its server-sent-event stream. A matching {@code If-None-Match} answers 304 with no body. The
 * caller is the display itself (device token of its current generation) or a user of its organization;
 * any other display answers 404, like a missing one. With {@code Marquee-Min-Position} the answer waits,
 * without a thread, until the organization's reads reflect that position (503 after the bound).
 */
@RestController
class ManifestController {

    private static final String MANIFEST = "/api/displays/{displayId}/manifest";
    private static final String STREAM = MANIFEST + "/stream";

    private final ManifestView view;
    private final ManifestStreams streams;
    private final PlayerAccess access;
    private final PositionGate positions;
    private final ManifestArrivals arrivals;

    ManifestController(ManifestView view, ManifestStreams streams, PlayerAccess access, PositionGate positions,
                       ManifestArrivals arrivals) {
        this.view = view;
        this.streams = streams;
        this.access = access;
        this.positions = positions;
        this.arrivals = arrivals;
    }

    @GetMapping(MANIFEST)
    ResponseEntity<byte[]> manifest(@PathVariable UUID displayId,
                                    @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return answer(displayId, access.reader(displayId), ifNoneMatch);
    }

    @GetMapping(path = MANIFEST, headers = PositionGate.HEADER)
    CompletableFuture<ResponseEntity<byte[]>> manifestAtLeast(
            @PathVariable UUID displayId,
            @RequestHeader(PositionGate.HEADER) long minPosition,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        PlayerAccess.Reader reader = access.reader(displayId);
        if (view.find(displayId).filter(found -> found.position() >= minPosition).isPresent()) {
            return CompletableFuture.completedFuture(answer(displayId, reader, ifNoneMatch));
        }
        // released by the watermark or, sooner, by this display's manifest arriving at the position
        return positions.awaitAsync(reader.organizationId(), minPosition, arrivals.await(displayId, minPosition))
                .thenApply(reached -> answer(displayId, reader, ifNoneMatch));
    }

    @GetMapping(path = STREAM, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable UUID displayId,
                      @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId) {
        return open(displayId, access.reader(displayId), lastEventId);
    }

    @GetMapping(path = STREAM, produces = MediaType.TEXT_EVENT_STREAM_VALUE, headers = PositionGate.HEADER)
    CompletableFuture<SseEmitter> streamAtLeast(@PathVariable UUID displayId,
                                                @RequestHeader(PositionGate.HEADER) long minPosition,
                                                @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId) {
        PlayerAccess.Reader reader = access.reader(displayId);
        return positions.awaitAsync(reader.organizationId(), minPosition)
                .thenApply(reached -> open(displayId, reader, lastEventId));
    }

    private ResponseEntity<byte[]> answer(UUID displayId, PlayerAccess.Reader reader, String ifNoneMatch) {
        ServedManifest manifest = readable(displayId, reader).orElseThrow(() -> DeviceReads.noManifest(displayId));
        if (EntityTags.matches(ifNoneMatch, manifest.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(manifest.etag()).cacheControl(CacheControl.noCache()).build();
        }
        return ResponseEntity.ok()
                .eTag(manifest.etag()).cacheControl(CacheControl.noCache())
                .contentType(MediaType.APPLICATION_JSON).body(manifest.body());
    }

    /** A device may open its stream before its first manifest exists; a user needs it, to know the organization. */
    private SseEmitter open(UUID displayId, PlayerAccess.Reader reader, String lastEventId) {
        Optional<ServedManifest> current = readable(displayId, reader);
        if (current.isEmpty() && reader.device().isEmpty()) {
            throw DeviceReads.noManifest(displayId);
        }
        long generation = reader.device().map(AuthenticatedDevice::generation).orElse(0L);
        return streams.open(displayId, current.orElse(null), lastEventId, generation);
    }

    private Optional<ServedManifest> readable(UUID displayId, PlayerAccess.Reader reader) {
        return view.find(displayId).filter(found -> reader.mayRead(found.organizationId()));
    }
}

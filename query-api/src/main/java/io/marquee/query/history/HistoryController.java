package io.marquee.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.events.MarqueeJson;
import io.marquee.events.ids.DisplayId;
import io.marquee.infra.security.AuthenticatedCaller;
import io.marquee.infra.web.InvalidFieldsException;
import io.marquee.infra.web.NotFoundException;
import io.marquee.query.position.PositionGate;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * The analysts' history, scoped to the caller's organization: events by filter (a page, or all of them
 * as NDJSON), and what a display's manifest was at an instant. Both honour {@code Marquee-Min-Position}
 * like the admin reads: the history is written in the same transaction as the watermark.
 */
@RestController
class HistoryController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final HistoryReads reads;
    private final HistoricManifests manifests;
    private final PositionGate positions;
    private final ObjectMapper json = MarqueeJson.newMapper();

    HistoryController(HistoryReads reads, HistoricManifests manifests, PositionGate positions) {
        this.reads = reads;
        this.manifests = manifests;
        this.positions = positions;
    }

    @GetMapping("/api/history/events")
    ResponseEntity<byte[]> events(@RequestParam(required = false) String aggregateId,
                                  @RequestParam(required = false) String type,
                                  @RequestParam(required = false) String actor,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String after,
                                  @RequestParam(required = false) String limit,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                  @RequestHeader(value = PositionGate.HEADER, required = false) String minPosition,
                                  @AuthenticationPrincipal AuthenticatedCaller caller,
                                  HttpServletResponse response) throws IOException {
        UUID organization = organizationOf(caller);
        HistoryFilter filter = HistoryFilter.parse(organization, aggregateId, type, actor, from, to, after, limit);
        awaitPosition(caller, minPosition);
        if (wantsNdjson(accept)) {
            response.setStatus(200);
            response.setContentType(NDJSON.toString());
            response.setCharacterEncoding("UTF-8");
            reads.stream(filter, response.getOutputStream());
            return null;
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(reads.page(filter));
    }

    @GetMapping("/api/history/displays/{displayId}/manifest")
    ObjectNode manifestAt(@PathVariable UUID displayId, @RequestParam(required = false) String at,
                          @RequestHeader(value = PositionGate.HEADER, required = false) String minPosition,
                          @AuthenticationPrincipal AuthenticatedCaller caller) {
        UUID organization = organizationOf(caller);
        Instant instant = HistoryFilter.instant("at", at);
        if (instant == null) {
            throw InvalidFieldsException.parameter("at", "is required: an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
        }
        awaitPosition(caller, minPosition);
        ManifestReplay.Replayed replayed = manifests.at(organization, new DisplayId(displayId), instant)
                .orElseThrow(() -> new NotFoundException("Display", displayId));
        ObjectNode body = json.valueToTree(replayed.manifest());
        body.putPOJO("positions", replayed.positions());
        return body;
    }

    private static boolean wantsNdjson(String accept) {
        try {
            return accept != null && MediaType.parseMediaTypes(accept).stream().anyMatch(NDJSON::equalsTypeAndSubtype);
        } catch (InvalidMediaTypeException e) {
            return false; // content negotiation answers it (406), as for any read
        }
    }

    private static UUID organizationOf(AuthenticatedCaller caller) {
        if (caller == null) {
            throw new AccessDeniedException("the history needs a user token");
        }
        return caller.organizationId().value();
    }

    /**
     * Waits on the request thread, bounded, like the admin reads, for the organization's watermark (sent
     * only once the batch, history rows included, is committed); 503 with Retry-After if not reached.
     */
    private void awaitPosition(AuthenticatedCaller caller, String minPosition) {
        if (minPosition == null) {
            return;
        }
        long position;
        try {
            position = Long.parseLong(minPosition.trim());
        } catch (NumberFormatException e) {
            throw InvalidFieldsException.parameter(PositionGate.HEADER, "must be a number");
        }
        try {
            positions.awaitAsync(caller.organizationId(), position).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + PositionGate.HEADER, e);
        }
    }
}

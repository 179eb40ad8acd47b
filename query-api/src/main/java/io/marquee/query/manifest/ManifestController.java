package io.marquee.query.manifest;

import io.marquee.infra.security.AuthenticatedCaller;
import io.marquee.infra.web.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * The players' hot path: the manifest from memory, as pre-serialized bytes with a precomputed strong
 * ETag. A matching {@code If-None-Match} answers 304 with no body at all. The caller must be a user of
 * the display's organization (device tokens come later); any other display answers 404, like a missing one.
 */
@RestController
class ManifestController {

    private final ManifestView view;

    ManifestController(ManifestView view) {
        this.view = view;
    }

    @GetMapping("/api/displays/{displayId}/manifest")
    ResponseEntity<byte[]> manifest(@PathVariable UUID displayId,
                                    @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                                    @AuthenticationPrincipal AuthenticatedCaller caller) {
        ServedManifest manifest = view.find(displayId)
                .filter(found -> caller != null && found.organizationId().equals(caller.organizationId().value()))
                .orElseThrow(() -> new NotFoundException("Manifest of display", displayId));
        if (EntityTags.matches(ifNoneMatch, manifest.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(manifest.etag()).cacheControl(CacheControl.noCache()).build();
        }
        return ResponseEntity.ok()
                .eTag(manifest.etag()).cacheControl(CacheControl.noCache())
                .contentType(MediaType.APPLICATION_JSON).body(manifest.body());
    }
}

package io.marquee.query.manifest;

import java.util.UUID;

/**
 * A manifest as the hot path serves it: the exact published bytes and a strong ETag computed once,
 * when it arrived, so a request does no serializing and no hashing.
 */
public record ServedManifest(UUID displayId, UUID organizationId, long version, long position, byte[] body, String etag) {
}

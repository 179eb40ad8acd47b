package io.marquee.events.manifest;

import io.marquee.events.ids.PlaylistItemId;

import java.time.Instant;
import java.util.UUID;

/**
 * One playable item. Fields a player may lack (content id, type, checksum, size, validity) are null
 * when the source did not give them.
 */
public record ManifestItem(
        PlaylistItemId itemId,
        UUID contentId,
        String type,
        String uri,
        int durationSeconds,
        String checksum,
        Long sizeBytes,
        Instant validFrom,
        Instant validUntil) {
}

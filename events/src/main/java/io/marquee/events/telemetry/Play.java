package io.marquee.events.telemetry;

import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.PlaylistItemId;

import java.time.Instant;

/**
 * One item played on a display: proof of play. Keeps the content id and manifest version, so that it
 * stays meaningful after the content is archived or the playlist changes.
 */
public record Play(
        PlaylistItemId itemId,
        ContentId contentId,
        long manifestVersion,
        Instant startedAt,
        long durationMs) {
}

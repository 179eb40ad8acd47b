package io.marquee.events.playlist;

import io.marquee.events.ids.PlaylistItemId;

/** One entry of a playlist, played for {@code durationSeconds}. */
public record PlaylistItem(PlaylistItemId itemId, String uri, int durationSeconds) {
}

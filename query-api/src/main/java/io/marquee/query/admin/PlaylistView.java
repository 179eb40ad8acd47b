package io.marquee.query.admin;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/**
 * A playlist as admins see it. {@code items} (each {@code itemId, contentId, uri, durationSeconds},
 * in play order) is only in the single read; the list gives {@code itemCount}.
 */
record PlaylistView(UUID playlistId, String name, boolean archived, int itemCount, JsonNode items) {
}

package io.marquee.events.playlist;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.PlaylistItemId;

import java.util.Locale;

/**
 * One entry of a playlist. Items refer to a content item ({@code contentId}); the first playlists
 * of the platform gave a bare {@code uri} instead, and stored events keep it, so a reader must
 * accept either. {@code durationSeconds} null means the content's default duration. Absent
 * fields are left out of the JSON, so items written before {@code contentId} existed keep their form.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlaylistItem(PlaylistItemId itemId, String uri, Integer durationSeconds, ContentId contentId) {

    /**
     * The content type of a legacy item (a bare {@code uri}, no content), inferred from the file extension:
     * every reader that plays or replays such an item must infer it the same way.
     */
    public static String legacyTypeOf(String uri) {
        String path = uri.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
        if (path.matches(".*\\.(png|jpe?g|gif|webp|svg|avif)$")) {
            return "IMAGE";
        }
        if (path.matches(".*\\.(mp4|webm|mov|m4v|ogv)$")) {
            return "VIDEO";
        }
        return "WEB_PAGE";
    }

    /** An item that shows a content item. */
    public static PlaylistItem ofContent(PlaylistItemId itemId, ContentId contentId, Integer durationSeconds) {
        return new PlaylistItem(itemId, null, durationSeconds, contentId);
    }
}

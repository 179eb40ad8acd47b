package io.marquee.events.manifest;

import io.marquee.events.ids.PlaylistId;

import java.util.List;

/** A playlist as a player sees it: its items resolved, in play order. */
public record ManifestPlaylist(PlaylistId playlistId, String name, List<ManifestItem> items) {

    public ManifestPlaylist {
        items = items == null ? List.of() : List.copyOf(items);
    }
}

package io.marquee.events.playlist;

import io.marquee.events.ids.PlaylistItemId;

import java.util.ArrayList;
import java.util.List;

/**
 * The list edits that playlist events describe, applied to a copy: what "added at position n", "moved"
 * and "re-timed" mean for every reader that folds them (the projection, the history's replay). Positions
 * outside the list are clamped to its ends, so that a reader never fails on what the write side accepted.
 */
public final class PlaylistItems {

    private PlaylistItems() {
    }

    public static List<PlaylistItem> insert(List<PlaylistItem> items, PlaylistItem item, int position) {
        List<PlaylistItem> edited = new ArrayList<>(remove(items, item.itemId()));
        edited.add(clamp(position, edited.size()), item);
        return edited;
    }

    public static List<PlaylistItem> move(List<PlaylistItem> items, PlaylistItemId itemId, int position) {
        return items.stream().filter(item -> item.itemId().equals(itemId)).findFirst()
                .map(item -> insert(items, item, position))
                .orElse(items);
    }

    public static List<PlaylistItem> withDuration(List<PlaylistItem> items, PlaylistItemId itemId, Integer seconds) {
        return items.stream()
                .map(item -> item.itemId().equals(itemId)
                        ? new PlaylistItem(item.itemId(), item.uri(), seconds, item.contentId())
                        : item)
                .toList();
    }

    public static List<PlaylistItem> remove(List<PlaylistItem> items, PlaylistItemId itemId) {
        return items.stream().filter(item -> !item.itemId().equals(itemId)).toList();
    }

    private static int clamp(int position, int size) {
        return Math.max(0, Math.min(position, size));
    }
}

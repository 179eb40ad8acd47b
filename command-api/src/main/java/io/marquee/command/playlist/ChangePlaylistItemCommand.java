package io.marquee.command.playlist;

import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Optional;

/**
 * Change an item's duration and/or move it. {@code durationSeconds}: null keeps it, empty resets it to
 * the content's default, present sets it. {@code position}: null keeps it, otherwise the 0-based place
 * the item moves to, counted after taking it out.
 */
@SuppressWarnings("OptionalUsedAsFieldOrParameterType") // three states are the point: keep, reset, set
record ChangePlaylistItemCommand(
        @TargetAggregateIdentifier PlaylistId playlistId,
        OrganizationId organizationId,
        PlaylistItemId itemId,
        Optional<Integer> durationSeconds,
        Integer position) {
}

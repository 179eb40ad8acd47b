package io.marquee.command.playlist;

import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;

import java.util.Optional;

/** What another aggregate may ask about a playlist before referring to it. */
@FunctionalInterface
public interface PlaylistLookup {

    /** What is known of one playlist. */
    record Entry(PlaylistId playlistId, OrganizationId organizationId, boolean archived) {
    }

    Optional<Entry> find(PlaylistId playlistId);
}

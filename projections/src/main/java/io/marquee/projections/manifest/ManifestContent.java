package io.marquee.projections.manifest;

import io.marquee.events.ids.OrganizationId;
import io.marquee.events.manifest.ManifestPlaylist;
import io.marquee.events.manifest.ManifestScheduleEntry;

import java.util.List;

/**
 * What a player plays, without the bookkeeping (version, time, position): two equal contents mean
 * there is nothing new to publish.
 *
 * @param position the newest event position among the rows it was assembled from
 */
record ManifestContent(OrganizationId organizationId, String timezone, ManifestPlaylist defaultPlaylist,
                       List<ManifestScheduleEntry> schedule, long position) {

    /** The part that is hashed: position excluded, since a newer event may change nothing a player sees. */
    record Playable(String timezone, ManifestPlaylist defaultPlaylist, List<ManifestScheduleEntry> schedule) {
    }

    Playable playable() {
        return new Playable(timezone, defaultPlaylist, schedule);
    }
}

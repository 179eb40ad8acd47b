package io.marquee.events.manifest;

import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;

import java.time.Instant;
import java.util.List;

/**
 * The resolved playlist(s) a display must play, complete enough to keep playing offline.
 *
 * @param version         increases by one each time the manifest's content changes, never otherwise
 * @param position        the global event position this manifest reflects
 * @param defaultPlaylist what plays when no schedule entry applies; null when nothing is assigned
 */
public record DisplayManifest(
        DisplayId displayId,
        OrganizationId organizationId,
        long version,
        long position,
        Instant generatedAt,
        String timezone,
        ManifestPlaylist defaultPlaylist,
        List<ManifestScheduleEntry> schedule) {

    public DisplayManifest {
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
    }
}

package io.marquee.query.history;

import io.marquee.events.ids.OrganizationId;
import io.marquee.events.playlist.PlaylistItem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The rows the manifest projection keeps (content, playlist, display, schedule entry), held in memory
 * while a history is replayed. Each row remembers the position of the last event applied to it, as
 * the projection's {@code last_position} does, and every position that changed it.
 */
final class ReplayedRows {

    private ReplayedRows() {
    }

    /** Positions of the events that changed a row. */
    abstract static class Row {
        long lastPosition;
        final List<Long> positions = new ArrayList<>();

        void claim(long position) {
            lastPosition = position;
            positions.add(position);
        }
    }

    static final class Content extends Row {
        String type;
        String uri;
        Integer defaultDurationSeconds;
        String checksum;
        Long sizeBytes;
        Instant validFrom;
        Instant validUntil;
        boolean archived;
    }

    static final class Playlist extends Row {
        String name;
        List<PlaylistItem> items;
        boolean archived;
    }

    static final class Display extends Row {
        OrganizationId organizationId;
        String timezone;
        UUID playlistId;
        boolean decommissioned;
        final List<Entry> entries = new ArrayList<>();
    }

    record Entry(UUID entryId, UUID playlistId, List<String> daysOfWeek, LocalTime startTime, LocalTime endTime,
                 LocalDate startDate, LocalDate endDate, int priority, long addedPosition) {
    }
}

package io.marquee.events.manifest;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A timed override of the default playlist, evaluated by the player in the display's timezone.
 * Empty {@code daysOfWeek} means every day; null times or dates mean unbounded.
 */
public record ManifestScheduleEntry(
        UUID entryId,
        List<String> daysOfWeek,
        LocalTime startTime,
        LocalTime endTime,
        LocalDate startDate,
        LocalDate endDate,
        int priority,
        ManifestPlaylist playlist) {
}

package io.marquee.events.display;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.ScheduleEntryId;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A schedule entry was added: {@code playlistId} plays instead of the default on the given days (ISO
 * names, empty means every day), between the times of day (display timezone) and dates given; a higher
 * priority wins when entries overlap.
 */
public record ScheduleEntryAddedEvent(
        DisplayId displayId,
        OrganizationId organizationId,
        ScheduleEntryId entryId,
        PlaylistId playlistId,
        List<String> daysOfWeek,
        LocalTime startTime,
        LocalTime endTime,
        LocalDate startDate,
        LocalDate endDate,
        int priority) implements MarqueeEvent {

    public ScheduleEntryAddedEvent {
        daysOfWeek = daysOfWeek == null ? List.of() : List.copyOf(daysOfWeek);
    }

    @Override
    public String aggregateId() {
        return displayId.toString();
    }
}

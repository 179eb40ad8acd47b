package io.marquee.command.display;

import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.ScheduleEntryId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Add a schedule entry: play {@code playlistId} instead of the default on the given days (null or
 * empty: every day), between the times of day in the display's timezone (both or neither; a start
 * after the end runs overnight), within the dates (inclusive, either may be open). A null priority is 0.
 */
public record AddScheduleEntryCommand(
        @TargetAggregateIdentifier DisplayId displayId,
        OrganizationId organizationId,
        ScheduleEntryId entryId,
        PlaylistId playlistId,
        List<DayOfWeek> daysOfWeek,
        LocalTime startTime,
        LocalTime endTime,
        LocalDate startDate,
        LocalDate endDate,
        Integer priority) {
}

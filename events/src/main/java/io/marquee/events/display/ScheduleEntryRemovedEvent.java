package io.marquee.events.display;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.ScheduleEntryId;

/** A schedule entry was removed from the display. */
public record ScheduleEntryRemovedEvent(
        DisplayId displayId,
        OrganizationId organizationId,
        ScheduleEntryId entryId) implements MarqueeEvent {

    @Override
    public String aggregateId() {
        return displayId.toString();
    }
}

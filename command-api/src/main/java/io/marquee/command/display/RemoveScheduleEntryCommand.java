package io.marquee.command.display;

import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.ScheduleEntryId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remove one of the display's schedule entries. */
public record RemoveScheduleEntryCommand(
        @TargetAggregateIdentifier DisplayId displayId,
        OrganizationId organizationId,
        ScheduleEntryId entryId) {
}

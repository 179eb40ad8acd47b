package io.marquee.events.display;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;

import java.util.List;

/** A display's details changed; carries its whole new state. */
public record DisplayUpdatedEvent(
        DisplayId displayId,
        OrganizationId organizationId,
        String name,
        String location,
        String timezone,
        List<String> tags) implements MarqueeEvent {

    public DisplayUpdatedEvent {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    @Override
    public String aggregateId() {
        return displayId.toString();
    }
}

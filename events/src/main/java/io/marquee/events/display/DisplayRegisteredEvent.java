package io.marquee.events.display;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;

import java.util.List;

/**
 * A display was registered with an organization. {@code timezone} is an IANA zone id.
 *
 * <p>Version 2 added {@code orientation} ({@value #LANDSCAPE} or {@value #PORTRAIT}): how the screen is
 * mounted. Version 1 events had none; {@link io.marquee.events.EventUpcasters} reads them as
 * {@value #LANDSCAPE}, which is what every screen registered before it was.
 */
public record DisplayRegisteredEvent(
        DisplayId displayId,
        OrganizationId organizationId,
        String name,
        String location,
        String timezone,
        List<String> tags,
        String orientation) implements MarqueeEvent {

    public static final String LANDSCAPE = "LANDSCAPE";
    public static final String PORTRAIT = "PORTRAIT";

    public DisplayRegisteredEvent {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A landscape display: the default orientation. */
    public DisplayRegisteredEvent(DisplayId displayId, OrganizationId organizationId, String name, String location,
                                  String timezone, List<String> tags) {
        this(displayId, organizationId, name, location, timezone, tags, LANDSCAPE);
    }

    @Override
    public String aggregateId() {
        return displayId.toString();
    }
}

package io.marquee.projections;

import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.DisplayId;

import java.util.Set;

/**
 * Applies events to one read model. Must be idempotent: an event at or below a row's last applied
 * position leaves it untouched.
 */
public interface Projector {

    /**
     * @return the displays whose manifest may have changed because of this event
     */
    Set<DisplayId> apply(EventEnvelope envelope, MarqueeEvent event);
}

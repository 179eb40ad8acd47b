package io.marquee.projections;

import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.projections.stream.ReadEvent;

import java.util.HashSet;
import java.util.List;
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

    /**
     * Applies a batch, in topic order, with the same outcome as {@link #apply} event by event (the
     * default does exactly that). A projector overrides it to read and write each row once per batch.
     *
     * @return the displays whose manifest may have changed because of the batch
     */
    default Set<DisplayId> applyAll(List<ReadEvent> batch) {
        Set<DisplayId> affected = new HashSet<>();
        for (ReadEvent read : batch) {
            affected.addAll(apply(read.envelope(), read.event()));
        }
        return affected;
    }

    /**
     * Applies a batch during a rebuild: the same rows as {@link #applyAll}, but nobody reads the side
     * tables until the switch, and the switch recomputes every display's manifest, so which displays the
     * batch reached is not needed. A projector whose answer costs queries (a playlist's or content's
     * audience) overrides this to skip them, and one with {@link RowTable}s keeps their rows in
     * {@code held} (written at the replay's checkpoints) rather than writing them batch after batch.
     */
    default void replayAll(List<ReadEvent> batch, ReplayRows held) {
        applyAll(batch);
    }
}

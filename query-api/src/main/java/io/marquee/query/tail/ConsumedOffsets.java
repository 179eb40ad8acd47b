package io.marquee.query.tail;

import io.marquee.events.Topic;

/** How far the tailer has read each partition it follows, as seen after one poll. */
@FunctionalInterface
public interface ConsumedOffsets {

    /** The offset of the next record the tailer will read from the partition; 0 for a partition it does not follow. */
    long next(Topic topic, int partition);
}

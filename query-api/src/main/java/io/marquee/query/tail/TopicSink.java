package io.marquee.query.tail;

import io.marquee.events.Topic;

/**
 * An in-memory view fed by one compacted topic: it takes every record, from the beginning of the topic,
 * on the tailer's single thread. A null value is a tombstone.
 */
public interface TopicSink {

    Topic topic();

    void accept(String key, byte[] value);

    /**
     * Called after every record of one poll has been accepted by every sink: what depends on several
     * topics (a read waiting for a watermark, then reading a manifest) is released only here, by what
     * has been consumed of each topic.
     */
    default void afterPoll(ConsumedOffsets consumed) {
    }

    /** How many keys it holds, for the health details. */
    int size();
}

package io.marquee.query.history;

import io.marquee.events.MarqueeEvent;

import java.time.Instant;

/**
 * One event of the history as a replay needs it.
 *
 * @param batchEnd    the position of the organization's last event in the batch the projection applied it in
 * @param projectedAt when that batch was applied
 */
record RecordedEvent(long position, MarqueeEvent event, long batchEnd, Instant projectedAt) {
}

package io.marquee.projections;

import io.marquee.events.EventEnvelope;

import java.util.List;

/**
 * Runs after a batch has been applied to every read model, inside the batch's transaction, to publish
 * what the batch changed. If it throws, the whole batch rolls back and is applied again, so it must be
 * idempotent, like every projector.
 */
public interface BatchFollower {

    /** @param batch the envelopes of the batch, in topic order */
    void follow(List<EventEnvelope> batch);
}

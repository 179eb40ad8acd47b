package io.marquee.events;

import io.marquee.events.ids.OrganizationId;

/**
 * A domain event: a fact in the past tense, owned by one organization and one aggregate.
 * Every implementation is listed in {@link EventCatalog}; that listing is the contract.
 */
public interface MarqueeEvent {

    OrganizationId organizationId();

    /** The id of the aggregate instance that applied this event, as a string. */
    String aggregateId();
}

package io.marquee.events.manifest;

import io.marquee.events.ids.OrganizationId;

/**
 * How far the projections have applied one organization's events, on the compacted
 * {@code marquee.projection-watermarks} topic: a read that must reflect position n waits until the
 * watermark of its organization reaches n ({@code Marquee-Min-Position}).
 */
public record ProjectionWatermark(OrganizationId organizationId, long position) {
}

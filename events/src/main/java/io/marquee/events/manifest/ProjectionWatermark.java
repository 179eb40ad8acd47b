package io.marquee.events.manifest;

import io.marquee.events.ids.OrganizationId;

import java.util.Map;

/**
 * How far the projections have applied one organization's events, on the compacted
 * {@code marquee.projection-watermarks} topic: a read that must reflect position n waits until the
 * watermark of its organization reaches n ({@code Marquee-Min-Position}).
 *
 * <p>The watermark and the manifests it vouches for travel on different topics, so a reader can see the
 * watermark before the manifests. {@code manifestOffsets} closes that gap: for each partition of
 * {@code marquee.display-manifests}, the offset just past the last manifest the projection had published
 * (and had acknowledged) when it wrote this watermark. A reader that has consumed the manifest topic up to
 * those offsets holds every manifest reflecting {@code position}. Added after the first release: older
 * watermarks read as an empty map, which asks for nothing.
 *
 * @param manifestOffsets manifest topic partition → offset that must have been consumed; never null
 */
public record ProjectionWatermark(OrganizationId organizationId, long position, Map<Integer, Long> manifestOffsets) {

    public ProjectionWatermark {
        manifestOffsets = manifestOffsets == null ? Map.of() : Map.copyOf(manifestOffsets);
    }

    /** A watermark that vouches for no manifest (a projection that publishes none). */
    public ProjectionWatermark(OrganizationId organizationId, long position) {
        this(organizationId, position, Map.of());
    }
}

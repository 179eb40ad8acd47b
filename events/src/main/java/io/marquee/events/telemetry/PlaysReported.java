package io.marquee.events.telemetry;

import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A batch of proof-of-play records from one display, on {@code marquee.proof-of-play}.
 *
 * @param reportId   unique per accepted batch; consumers de-duplicate on it
 * @param receivedAt when the platform received it
 */
public record PlaysReported(
        UUID reportId,
        DisplayId displayId,
        OrganizationId organizationId,
        Instant receivedAt,
        List<Play> plays) {

    public PlaysReported {
        plays = plays == null ? List.of() : List.copyOf(plays);
    }
}

package io.marquee.events.access;

import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;

/**
 * The current access state of one display, on the compacted {@code marquee.display-access} topic.
 * Carries no secret: a device token of an older generation, or of a decommissioned display, is refused.
 *
 * @param tokenGeneration the generation of the only device token that works
 * @param position        the global event position this state reflects
 */
public record DisplayAccess(
        DisplayId displayId,
        OrganizationId organizationId,
        long tokenGeneration,
        boolean decommissioned,
        long position) {
}

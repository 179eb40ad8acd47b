package io.marquee.command.display.token;

import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;

/**
 * The command-side record of each display's current device token, written by the Display aggregate
 * in the transaction that stores its events: a token is valid exactly when the event store says so.
 */
public interface DeviceTokenStore {

    /** Makes {@code hash} the display's only valid token; any earlier one stops working. */
    void replace(DisplayId displayId, OrganizationId organizationId, long generation, DeviceTokenHash hash);

    /** The generation of the display's valid token; 0 when it has none. */
    long generationOf(DisplayId displayId);

    /** The display has no valid token any more. */
    void revoke(DisplayId displayId);
}

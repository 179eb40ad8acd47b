package io.marquee.command.display;

import io.marquee.command.display.token.DeviceTokenHash;
import io.marquee.command.display.token.DeviceTokenStore;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The token table as a map, for fixture tests: which hash is valid for each display, at which generation. */
final class InMemoryDeviceTokens implements DeviceTokenStore {

    record Row(OrganizationId organizationId, long generation, DeviceTokenHash hash) {
    }

    private final Map<DisplayId, Row> rows = new HashMap<>();

    @Override
    public void replace(DisplayId displayId, OrganizationId organizationId, long generation, DeviceTokenHash hash) {
        rows.put(displayId, new Row(organizationId, generation, hash));
    }

    @Override
    public long generationOf(DisplayId displayId) {
        return of(displayId).map(Row::generation).orElse(0L);
    }

    @Override
    public void revoke(DisplayId displayId) {
        rows.remove(displayId);
    }

    Optional<Row> of(DisplayId displayId) {
        return Optional.ofNullable(rows.get(displayId));
    }
}

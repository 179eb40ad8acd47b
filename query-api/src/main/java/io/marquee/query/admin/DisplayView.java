package io.marquee.query.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A display as admins see it, with its status. {@code status} is {@code ONLINE} when its last heartbeat
 * ({@code lastSeen}) is more recent than {@code marquee.status.offline-after}, else {@code OFFLINE}
 * (also when it never sent one). {@code manifestVersion} is the version it last said it applied,
 * {@code latestVersion} the newest version of its manifest, and {@code upToDate} whether they are equal.
 */
record DisplayView(UUID displayId, String name, String location, String timezone, List<String> tags,
                   UUID playlistId, boolean decommissioned, String status, Instant lastSeen, Long manifestVersion,
                   UUID currentItemId, Long latestVersion, boolean upToDate) {

    static final String ONLINE = "ONLINE";
    static final String OFFLINE = "OFFLINE";
}

package io.marquee.query.admin;

import java.time.Instant;
import java.util.UUID;

/** A content item as admins see it. */
record ContentView(UUID contentId, String name, String type, String uri, Integer defaultDurationSeconds,
                   String checksum, Long sizeBytes, Instant validFrom, Instant validUntil, boolean archived) {
}

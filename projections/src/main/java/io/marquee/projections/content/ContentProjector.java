package io.marquee.projections.content;

import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.content.ContentArchivedEvent;
import io.marquee.events.content.ContentCreatedEvent;
import io.marquee.events.content.ContentUpdatedEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.projections.Projector;
import io.marquee.projections.RowClaim;
import io.marquee.projections.manifest.ManifestAudience;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Keeps {@code projection_content}; a change reaches every display showing the content. */
@Component
class ContentProjector implements Projector {

    private static final String TABLE = "projection_content";
    private static final String ID = "content_id";

    private final JdbcTemplate jdbc;
    private final ManifestAudience audience;

    ContentProjector(JdbcTemplate jdbc, ManifestAudience audience) {
        this.jdbc = jdbc;
        this.audience = audience;
    }

    @Override
    public Set<DisplayId> apply(EventEnvelope envelope, MarqueeEvent event) {
        if (event instanceof ContentCreatedEvent created) {
            jdbc.update("""
                    INSERT INTO projection_content (content_id, organization_id, name, type, uri,
                        default_duration_seconds, checksum, size_bytes, valid_from, valid_until, last_position)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (content_id) DO NOTHING""",
                    created.contentId().value(), created.organizationId().value(), created.name(), created.type(),
                    created.uri(), created.defaultDurationSeconds(), created.checksum(), created.sizeBytes(),
                    timestamp(created.validFrom()), timestamp(created.validUntil()), envelope.position());
            // new content is in no playlist yet
            return Set.of();
        }
        if (event instanceof ContentUpdatedEvent updated && claim(updated.contentId().value(), envelope)) {
            jdbc.update("""
                    UPDATE projection_content SET name = ?, uri = ?, default_duration_seconds = ?, checksum = ?,
                        size_bytes = ?, valid_from = ?, valid_until = ? WHERE content_id = ?""",
                    updated.name(), updated.uri(), updated.defaultDurationSeconds(), updated.checksum(),
                    updated.sizeBytes(), timestamp(updated.validFrom()), timestamp(updated.validUntil()),
                    updated.contentId().value());
            return audience.showingContent(updated.contentId().value());
        }
        if (event instanceof ContentArchivedEvent archived && claim(archived.contentId().value(), envelope)) {
            jdbc.update("UPDATE projection_content SET archived = TRUE WHERE content_id = ?", archived.contentId().value());
            return audience.showingContent(archived.contentId().value());
        }
        return Set.of();
    }

    private boolean claim(UUID contentId, EventEnvelope envelope) {
        return RowClaim.claim(jdbc, TABLE, ID, contentId, envelope.position());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

package io.marquee.projections.content;

import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.content.ContentArchivedEvent;
import io.marquee.events.content.ContentCreatedEvent;
import io.marquee.events.content.ContentUpdatedEvent;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.DisplayId;
import io.marquee.projections.Projector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps {@code projection_content}. A content change fans out to every display whose playlist shows
 * it. Each statement only applies an event newer than the row.
 */
@Component
class ContentProjector implements Projector {

    private final JdbcTemplate jdbc;

    ContentProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<DisplayId> apply(EventEnvelope envelope, MarqueeEvent event) {
        int changed;
        ContentId contentId;
        if (event instanceof ContentCreatedEvent created) {
            contentId = created.contentId();
            changed = jdbc.update("""
                    INSERT INTO projection_content (content_id, organization_id, name, type, uri,
                        default_duration_seconds, checksum, size_bytes, valid_from, valid_until, last_position)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (content_id) DO NOTHING""",
                    contentId.value(), created.organizationId().value(), created.name(), created.type(), created.uri(),
                    created.defaultDurationSeconds(), created.checksum(), created.sizeBytes(),
                    timestamp(created.validFrom()), timestamp(created.validUntil()), envelope.position());
        } else if (event instanceof ContentUpdatedEvent updated) {
            contentId = updated.contentId();
            changed = jdbc.update("""
                    UPDATE projection_content SET name = ?, uri = ?, default_duration_seconds = ?, checksum = ?,
                        size_bytes = ?, valid_from = ?, valid_until = ?, last_position = ?
                    WHERE content_id = ? AND last_position < ?""",
                    updated.name(), updated.uri(), updated.defaultDurationSeconds(), updated.checksum(),
                    updated.sizeBytes(), timestamp(updated.validFrom()), timestamp(updated.validUntil()),
                    envelope.position(), contentId.value(), envelope.position());
        } else if (event instanceof ContentArchivedEvent archived) {
            contentId = archived.contentId();
            changed = jdbc.update("""
                    UPDATE projection_content SET archived = TRUE, last_position = ?
                    WHERE content_id = ? AND last_position < ?""",
                    envelope.position(), contentId.value(), envelope.position());
        } else {
            return Set.of();
        }
        return changed == 1 ? displaysShowing(contentId) : Set.of();
    }

    private Set<DisplayId> displaysShowing(ContentId contentId) {
        return new HashSet<>(jdbc.query("""
                SELECT d.display_id FROM projection_display d
                JOIN projection_playlist p ON p.playlist_id = d.playlist_id
                WHERE p.items @> jsonb_build_array(jsonb_build_object('contentId', ?::text))""",
                (rs, row) -> new DisplayId(rs.getObject(1, UUID.class)), contentId.toString()));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

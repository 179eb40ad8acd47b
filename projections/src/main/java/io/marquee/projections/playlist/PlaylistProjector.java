package io.marquee.projections.playlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.MarqueeJson;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import io.marquee.projections.Projector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps {@code projection_playlist}. A playlist change fans out: every display showing it is affected.
 */
@Component
class PlaylistProjector implements Projector {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = MarqueeJson.newMapper();

    PlaylistProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<DisplayId> apply(EventEnvelope envelope, MarqueeEvent event) {
        if (event instanceof PlaylistCreatedEvent created) {
            int changed = jdbc.update("""
                    INSERT INTO projection_playlist (playlist_id, organization_id, name, items, last_position)
                    VALUES (?, ?, ?, ?::jsonb, ?)
                    ON CONFLICT (playlist_id) DO NOTHING""",
                    created.playlistId().value(), created.organizationId().value(), created.name(),
                    toJson(created.items()), envelope.position());
            return changed == 1 ? displaysShowing(created.playlistId().value()) : Set.of();
        }
        return Set.of();
    }

    private Set<DisplayId> displaysShowing(UUID playlistId) {
        return new HashSet<>(jdbc.query("SELECT display_id FROM projection_display WHERE playlist_id = ?",
                (rs, row) -> new DisplayId(rs.getObject(1, UUID.class)), playlistId));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write playlist items as JSON", e);
        }
    }
}

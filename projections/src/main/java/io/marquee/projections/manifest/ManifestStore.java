package io.marquee.projections.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.MarqueeJson;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.manifest.DisplayManifest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The latest manifest of each display. A new version is written only when the playable content
 * differs from the stored one, so re-applying events can never bump a version.
 */
@Component
class ManifestStore {

    /** What to publish for one display: its manifest's exact bytes, or null for a tombstone. */
    record Publication(DisplayId displayId, byte[] body) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = MarqueeJson.newMapper();
    private final Clock clock;

    ManifestStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    /** Stores the content as a new version if it differs from the current one; empty if unchanged. */
    Optional<Publication> update(DisplayId displayId, ManifestContent content) {
        String hash = hash(content.playable());
        Long currentVersion = jdbc.query(
                "SELECT version, content_hash FROM display_manifest WHERE display_id = ? FOR UPDATE",
                rs -> rs.next() ? (hash.equals(rs.getString(2)) ? -1L : rs.getLong(1)) : 0L,
                displayId.value());
        if (currentVersion == null || currentVersion == -1L) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        DisplayManifest manifest = new DisplayManifest(displayId, content.organizationId(), currentVersion + 1,
                content.position(), now, content.timezone(), content.defaultPlaylist(), content.schedule());
        byte[] body = bytes(manifest);
        jdbc.update("""
                INSERT INTO display_manifest
                    (display_id, organization_id, version, position, content_hash, body, generated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (display_id) DO UPDATE SET version = EXCLUDED.version, position = EXCLUDED.position,
                    content_hash = EXCLUDED.content_hash, body = EXCLUDED.body, generated_at = EXCLUDED.generated_at""",
                displayId.value(), content.organizationId().value(), manifest.version(), manifest.position(),
                hash, body, Timestamp.from(now));
        return Optional.of(new Publication(displayId, body));
    }

    /** Forgets a decommissioned display's manifest; a tombstone is due only if there was one. */
    Optional<Publication> retire(DisplayId displayId) {
        int deleted = jdbc.update("DELETE FROM display_manifest WHERE display_id = ?", displayId.value());
        return deleted == 1 ? Optional.of(new Publication(displayId, null)) : Optional.empty();
    }

    private String hash(Object playable) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(playable)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write manifest as JSON", e);
        }
    }
}

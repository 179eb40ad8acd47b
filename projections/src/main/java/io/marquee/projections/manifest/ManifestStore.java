package io.marquee.projections.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.MarqueeJson;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.manifest.DisplayManifest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;

/**
 * The latest manifest version of each display: its number, position and playable content's hash. A new
 * version is written only when the playable content differs from the stored one, so re-applying events
 * can never bump a version. The manifest's bytes are not stored here: they are published, and the
 * compacted manifest topic keeps them (see V6__manifest_body_not_stored.sql for why).
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

    /** A stored manifest's version and hash. */
    private record Stored(long version, String hash) {
    }

    /**
     * Stores each content as a new version where it differs from the current one, and forgets the
     * manifests of the retired (decommissioned) displays; all with one lock query, one statement batch
     * and one delete.
     *
     * @param contents the displays' new contents, in the order to lock and publish them
     * @param retired  decommissioned displays
     * @return what to publish: the new versions, then a tombstone for each retired display that had one
     */
    List<Publication> updateAll(SortedMap<DisplayId, ManifestContent> contents, Collection<DisplayId> retired) {
        Map<UUID, Stored> stored = lock(contents.keySet(), retired);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Publication> publications = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        // the displays showing one playlist (and no schedule of their own) play the same thing: written and hashed once
        Map<ManifestContent.Playable, Written> written = new HashMap<>();
        contents.forEach((displayId, content) -> {
            Written playable = written.computeIfAbsent(content.playable(), this::write);
            String hash = playable.hash();
            Stored current = stored.get(displayId.value());
            if (current != null && hash.equals(current.hash())) {
                return;
            }
            long version = current == null ? 1 : current.version() + 1;
            byte[] body = body(displayId, content, version, now, playable.json());
            rows.add(new Object[]{displayId.value(), content.organizationId().value(), version, content.position(),
                    hash, Timestamp.from(now)});
            publications.add(new Publication(displayId, body));
        });
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO display_manifest
                        (display_id, organization_id, version, position, content_hash, generated_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (display_id) DO UPDATE SET version = EXCLUDED.version, position = EXCLUDED.position,
                        -- a body that the previous release stored belongs to the version being replaced
                        content_hash = EXCLUDED.content_hash, body = NULL, generated_at = EXCLUDED.generated_at""",
                    rows);
        }
        retired.stream().filter(displayId -> stored.containsKey(displayId.value()))
                .forEach(displayId -> publications.add(new Publication(displayId, null)));
        if (!retired.isEmpty()) {
            jdbc.update("DELETE FROM display_manifest WHERE display_id = ANY(?)",
                    (Object) retired.stream().map(DisplayId::value).toArray(UUID[]::new));
        }
        return publications;
    }

    /** A playable part's JSON and the hash that stands for it. */
    private record Written(byte[] json, String hash) {
    }

    private Written write(ManifestContent.Playable playable) {
        byte[] json = bytes(playable);
        return new Written(json, hash(json));
    }

    /** The stored manifests of these displays, locked in display id order (so concurrent batches never deadlock). */
    private Map<UUID, Stored> lock(Collection<DisplayId> updated, Collection<DisplayId> retired) {
        UUID[] ids = java.util.stream.Stream.concat(updated.stream(), retired.stream()).map(DisplayId::value)
                .toArray(UUID[]::new);
        Map<UUID, Stored> stored = new HashMap<>();
        jdbc.query("""
                SELECT display_id, version, content_hash FROM display_manifest WHERE display_id = ANY(?)
                ORDER BY display_id FOR UPDATE""",
                (ResultSet rs) -> {
                    stored.put(rs.getObject(1, UUID.class), new Stored(rs.getLong(2), rs.getString(3)));
                },
                (Object) ids);
        return stored;
    }

    /** The fields of a {@link DisplayManifest} before its playable part, in the same order. */
    private record Bookkeeping(DisplayId displayId, OrganizationId organizationId, long version, long position,
                               Instant generatedAt) {
    }

    /**
     * The bytes of the {@link DisplayManifest}: its bookkeeping fields, then the playable part's JSON, which was
     * just written for the hash (the manifest's last three fields are the playable's, in its order). A change
     * that reaches 10,000 displays writes each manifest's items once instead of twice.
     * {@code ManifestStoreBytesTest} holds the bytes equal to the record's own serialization.
     */
    byte[] body(DisplayId displayId, ManifestContent content, long version, Instant generatedAt, byte[] playable) {
        if (content.schedule() == null) { // the manifest writes [] where the playable part wrote null
            return bytes(new DisplayManifest(displayId, content.organizationId(), version, content.position(),
                    generatedAt, content.timezone(), content.defaultPlaylist(), content.schedule()));
        }
        byte[] head = bytes(new Bookkeeping(displayId, content.organizationId(), version, content.position(), generatedAt));
        // "{...bookkeeping" + "," + "...playable}": drop the head's closing brace and the playable's opening one
        byte[] body = new byte[head.length + playable.length - 1];
        System.arraycopy(head, 0, body, 0, head.length - 1);
        body[head.length - 1] = ',';
        System.arraycopy(playable, 1, body, head.length, playable.length - 1);
        return body;
    }

    private static String hash(byte[] playable) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(playable));
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

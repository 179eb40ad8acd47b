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

    /**
     * Stores each content as a new version where it differs from the current one, and forgets the
     * manifests of the retired (decommissioned) displays. The versions are counted by PostgreSQL in one
     * statement per chunk: an upsert of every display from arrays, which bumps a row only where the hash
     * differs and answers the new versions. It replaces a lock query and a batch of a statement per display,
     * on the critical path of a fan-out to thousands of screens (projections/README.md, "One statement per
     * chunk").
     *
     * <p>Rows are locked in the contents' order (display id order, as PostgreSQL orders uuids), so two
     * batches never deadlock. A chunk that also retires displays first locks all of its rows, updated and
     * retired, in that order, for the same reason.
     *
     * @param contents the displays' new contents, in the order to lock and publish them
     * @param retired  decommissioned displays
     * @return what to publish: the new versions, then a tombstone for each retired display that had one
     */
    List<Publication> updateAll(SortedMap<DisplayId, ManifestContent> contents, Collection<DisplayId> retired) {
        if (!retired.isEmpty()) {
            lock(contents.keySet(), retired);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // the displays showing one playlist (and no schedule of their own) play the same thing: written and hashed once
        Map<ManifestContent.Playable, Written> written = new HashMap<>();
        Map<DisplayId, Written> playables = new HashMap<>();
        contents.forEach((displayId, content) -> playables.put(displayId, written.computeIfAbsent(content.playable(), this::write)));
        Map<UUID, Long> versions = upsert(contents, playables, now);
        List<Publication> publications = new ArrayList<>(versions.size());
        contents.forEach((displayId, content) -> {
            Long version = versions.get(displayId.value());
            if (version != null) {
                publications.add(new Publication(displayId, body(displayId, content, version, now, playables.get(displayId).json())));
            }
        });
        if (!retired.isEmpty()) {
            jdbc.query("DELETE FROM display_manifest WHERE display_id = ANY(?) RETURNING display_id",
                    (ResultSet rs) -> {
                        publications.add(new Publication(new DisplayId(rs.getObject(1, UUID.class)), null));
                    },
                    (Object) retired.stream().map(DisplayId::value).toArray(UUID[]::new));
        }
        return publications;
    }

    /** Writes the displays whose hash changed as their next version (1 if new); answers those versions. */
    private Map<UUID, Long> upsert(SortedMap<DisplayId, ManifestContent> contents, Map<DisplayId, Written> playables, Instant now) {
        Map<UUID, Long> versions = new HashMap<>();
        if (contents.isEmpty()) {
            return versions;
        }
        int size = contents.size();
        UUID[] displays = new UUID[size];
        UUID[] organizations = new UUID[size];
        Long[] positions = new Long[size];
        String[] hashes = new String[size];
        int i = 0;
        for (Map.Entry<DisplayId, ManifestContent> entry : contents.entrySet()) {
            displays[i] = entry.getKey().value();
            organizations[i] = entry.getValue().organizationId().value();
            positions[i] = entry.getValue().position();
            hashes[i] = playables.get(entry.getKey()).hash();
            i++;
        }
        jdbc.query("""
                INSERT INTO display_manifest (display_id, organization_id, version, position, content_hash, generated_at)
                SELECT fresh.display_id, fresh.organization_id, 1, fresh.position, fresh.content_hash, ?
                FROM unnest(?::uuid[], ?::uuid[], ?::bigint[], ?::text[]) WITH ORDINALITY
                    AS fresh(display_id, organization_id, position, content_hash, n)
                ORDER BY fresh.n
                ON CONFLICT (display_id) DO UPDATE SET version = display_manifest.version + 1, position = EXCLUDED.position,
                    -- a body that an earlier release stored belongs to the version being replaced
                    content_hash = EXCLUDED.content_hash, body = NULL, generated_at = EXCLUDED.generated_at
                WHERE display_manifest.content_hash IS DISTINCT FROM EXCLUDED.content_hash
                RETURNING display_id, version""",
                (ResultSet rs) -> {
                    versions.put(rs.getObject(1, UUID.class), rs.getLong(2));
                },
                Timestamp.from(now), displays, organizations, positions, hashes);
        return versions;
    }

    /** A playable part's JSON and the hash that stands for it. */
    private record Written(byte[] json, String hash) {
    }

    private Written write(ManifestContent.Playable playable) {
        byte[] json = bytes(playable);
        return new Written(json, hash(json));
    }

    /** Locks the stored manifests of these displays in display id order (so concurrent batches never deadlock). */
    private void lock(Collection<DisplayId> updated, Collection<DisplayId> retired) {
        UUID[] ids = java.util.stream.Stream.concat(updated.stream(), retired.stream()).map(DisplayId::value)
                .toArray(UUID[]::new);
        jdbc.query("SELECT display_id FROM display_manifest WHERE display_id = ANY(?) ORDER BY display_id FOR UPDATE",
                (ResultSet rs) -> {
                }, (Object) ids);
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

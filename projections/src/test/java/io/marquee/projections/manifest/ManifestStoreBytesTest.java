package io.marquee.projections.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.MarqueeJson;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;
import io.marquee.events.manifest.DisplayManifest;
import io.marquee.events.manifest.ManifestItem;
import io.marquee.events.manifest.ManifestPlaylist;
import io.marquee.events.manifest.ManifestScheduleEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The published bytes are the {@link DisplayManifest}'s own serialization, though built from the hashed playable part. */
class ManifestStoreBytesTest {

    private final ObjectMapper json = MarqueeJson.newMapper();
    private final ManifestStore store = new ManifestStore(null); // body() touches no database

    private static final ManifestPlaylist PLAYLIST = new ManifestPlaylist(PlaylistId.random(), "Lobby \"east\" ✓", List.of(
            new ManifestItem(PlaylistItemId.random(), ContentId.random().value(), "IMAGE", "https://cdn.example.com/a.png",
                    10, "sha256:00", 1_024L, Instant.parse("2026-01-01T00:00:00Z"), null),
            new ManifestItem(PlaylistItemId.random(), null, "WEB_PAGE", "https://example.com", 30, null, null, null, null)));

    @Test
    void a_manifest_with_a_default_playlist_and_a_schedule_has_the_records_bytes() throws Exception {
        // given
        ManifestContent content = new ManifestContent(OrganizationId.random(), "Europe/Paris", PLAYLIST, List.of(
                new ManifestScheduleEntry(UUID.randomUUID(), List.of("MONDAY", "FRIDAY"), LocalTime.of(8, 0),
                        LocalTime.of(12, 30), LocalDate.of(2026, 1, 1), null, 5, PLAYLIST)), 4_242);

        // then
        assertSameBytes(content);
    }

    @Test
    void a_manifest_with_nothing_assigned_has_the_records_bytes() throws Exception {
        // given
        ManifestContent content = new ManifestContent(OrganizationId.random(), "UTC", null, List.of(), 7);

        // then
        assertSameBytes(content);
    }

    @Test
    void a_manifest_whose_schedule_is_missing_has_the_records_bytes() throws Exception {
        // given: the record writes an empty schedule where the playable part wrote null
        ManifestContent content = new ManifestContent(OrganizationId.random(), null, PLAYLIST, null, 9);

        // then
        assertSameBytes(content);
    }

    private void assertSameBytes(ManifestContent content) throws Exception {
        // given
        DisplayId display = DisplayId.random();
        Instant now = Instant.parse("2026-11-27T21:59:31.633Z");
        byte[] playable = json.writeValueAsBytes(content.playable());

        // when
        byte[] body = store.body(display, content, 3, now, playable);

        // then
        byte[] expected = json.writeValueAsBytes(new DisplayManifest(display, content.organizationId(), 3,
                content.position(), now, content.timezone(), content.defaultPlaylist(), content.schedule()));
        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(expected, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(body).isEqualTo(expected);
    }
}

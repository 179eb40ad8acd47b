package io.marquee.query.manifest;

import io.marquee.events.MarqueeJson;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;
import io.marquee.events.manifest.DisplayManifest;
import io.marquee.events.manifest.ManifestItem;
import io.marquee.events.manifest.ManifestPlaylist;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestHeaderTest {

    private static byte[] published(OrganizationId organization, long version, long position) throws IOException {
        ManifestPlaylist playlist = new ManifestPlaylist(PlaylistId.random(), "Lobby", List.of(new ManifestItem(
                PlaylistItemId.random(), ContentId.random().value(), "IMAGE", "https://cdn.example.com/a.png", 10,
                null, null, null, null)));
        return MarqueeJson.newMapper().writeValueAsBytes(new DisplayManifest(DisplayId.random(), organization, version,
                position, Instant.now(), "Europe/Paris", playlist, List.of()));
    }

    @Test
    void reads_organization_version_and_position_of_a_published_manifest() throws IOException {
        // given
        OrganizationId organization = OrganizationId.random();
        byte[] body = published(organization, 7, 4_211);

        // when
        ManifestHeader header = ManifestHeader.read(body);

        // then
        assertThat(header).isEqualTo(new ManifestHeader(organization.value(), 7, 4_211));
    }

    @Test
    void finds_the_fields_in_any_order_past_nested_objects() throws IOException {
        // given
        UUID organization = UUID.randomUUID();
        byte[] body = ("{\"defaultPlaylist\":{\"version\":99,\"items\":[{\"position\":5}]},\"position\":12,"
                + "\"organizationId\":\"" + organization + "\",\"schedule\":[],\"version\":3}").getBytes(StandardCharsets.UTF_8);

        // when
        ManifestHeader header = ManifestHeader.read(body);

        // then
        assertThat(header).isEqualTo(new ManifestHeader(organization, 3, 12));
    }

    @Test
    void a_body_that_is_not_a_json_object_is_unreadable() {
        // given
        byte[] body = "[1,2,3]".getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> ManifestHeader.read(body)).isInstanceOf(IOException.class);
    }

    @Test
    void a_manifest_without_its_organization_is_unreadable() {
        // given
        byte[] body = "{\"version\":1,\"position\":2}".getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> ManifestHeader.read(body)).isInstanceOf(IOException.class);
    }
}

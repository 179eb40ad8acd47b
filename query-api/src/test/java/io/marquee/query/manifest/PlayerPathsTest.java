package io.marquee.query.manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PlayerPathsTest {

    @Test
    void takes_the_display_id_of_the_manifest_path() {
        UUID id = UUID.randomUUID();
        assertThat(PlayerPaths.manifestOf("/api/displays/" + id + "/manifest")).contains(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/displays/7c9e6679-7425-40de-944b-e07fc1f90ae7/manifest/stream",
            "/api/displays/7c9e6679-7425-40de-944b-e07fc1f90ae7/heartbeat",
            "/api/displays/7c9e6679-7425-40de-944b-e07fc1f90ae7/manifest/",
            "/api/displays/7c9e6679x7425x40dex944bxe07fc1f90ae7/manifest",
            "/api/displays/7c9e6679-7425-40de-944b-e07fc1f90ae7%2Fmanifest",
            "/api/displays//manifest",
            "/api/content/7c9e6679-7425-40de-944b-e07fc1f90ae7/manifest"})
    void leaves_every_other_path_to_the_filter_chain(String uri) {
        assertThat(PlayerPaths.manifestOf(uri)).isEmpty();
    }
}

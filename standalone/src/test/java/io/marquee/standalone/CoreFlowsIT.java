package io.marquee.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The six core flows an admin client of the old platform relied on, in order, black-box over HTTP
 * through the real broker and database: register, log in, create content, create a playlist of it,
 * create a display, assign the playlist; then the display's manifest lists that content.
 */
class CoreFlowsIT extends SharedPlatform {

    @Test
    void an_admin_can_go_from_registration_to_a_display_showing_their_content() {
        HttpProbe server = anonymous();
        String email = "owner-" + UUID.randomUUID() + "@example.com";

        // 1. register an organization and its first ADMIN
        HttpProbe.Answer registered = server.post("/api/auth/register", """
                {"email":"%s","password":"%s","displayName":"Olive Owner","organizationName":"Olive's Cafés"}"""
                .formatted(email, TestAccounts.PASSWORD));
        assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);
        assertThat(registered.json().get("role").asText()).isEqualTo("ADMIN");
        String organizationId = registered.json().get("organizationId").asText();

        // 2. log in, and see who we are
        HttpProbe.Answer login = server.post("/api/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("tokenType").asText()).isEqualTo("Bearer");
        HttpProbe admin = server.as(login.json().get("accessToken").asText());
        JsonNode me = admin.get("/api/auth/me").json();
        assertThat(me.get("email").asText()).isEqualTo(email);
        assertThat(me.get("organizationId").asText()).isEqualTo(organizationId);

        // 3. create content
        HttpProbe.Answer content = admin.post("/api/content", """
                {"name":"Breakfast menu","type":"IMAGE","uri":"https://cdn.example.com/breakfast.png",
                 "defaultDurationSeconds":12,"checksum":"sha256:0123abcd","sizeBytes":48213}""");
        assertThat(content.status()).as(content.raw().body()).isEqualTo(201);
        String contentId = content.json().get("contentId").asText();

        // 4. create a playlist with items
        HttpProbe.Answer playlist = admin.post("/api/playlists",
                "{\"name\":\"Mornings\",\"items\":[{\"contentId\":\"" + contentId + "\"}]}");
        assertThat(playlist.status()).as(playlist.raw().body()).isEqualTo(201);
        String playlistId = playlist.json().get("playlistId").asText();

        // 5. create a display
        HttpProbe.Answer display = admin.post("/api/displays",
                "{\"name\":\"Counter screen\",\"timezone\":\"Europe/Lisbon\"}");
        assertThat(display.status()).as(display.raw().body()).isEqualTo(201);
        assertThat(display.json().get("deviceToken").asText()).isNotBlank();
        String displayId = display.json().get("displayId").asText();

        // 6. assign the playlist
        HttpProbe.Answer assigned = admin.put("/api/displays/" + displayId + "/playlist",
                "{\"playlistId\":\"" + playlistId + "\"}");
        assertThat(assigned.status()).isEqualTo(200);

        // then the display's manifest lists the content, resolved
        JsonNode manifest = awaitManifestAs(admin, displayId);
        assertThat(manifest.get("organizationId").asText()).isEqualTo(organizationId);
        assertThat(manifest.get("timezone").asText()).isEqualTo("Europe/Lisbon");
        assertThat(manifest.get("position").asLong()).isGreaterThanOrEqualTo(assigned.position());
        JsonNode item = manifest.get("defaultPlaylist").get("items").get(0);
        assertThat(item.get("contentId").asText()).isEqualTo(contentId);
        assertThat(item.get("type").asText()).isEqualTo("IMAGE");
        assertThat(item.get("uri").asText()).isEqualTo("https://cdn.example.com/breakfast.png");
        assertThat(item.get("durationSeconds").asInt()).isEqualTo(12);
        assertThat(item.get("checksum").asText()).isEqualTo("sha256:0123abcd");
        assertThat(item.get("sizeBytes").asLong()).isEqualTo(48213);
    }

    private static JsonNode awaitManifestAs(HttpProbe admin, String displayId) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> {
                    HttpProbe.Answer answer = admin.get("/api/displays/" + displayId + "/manifest");
                    return answer.status() == 200 ? answer.json() : null;
                }, manifest -> manifest != null && manifest.path("defaultPlaylist").path("items").size() == 1);
    }
}

package io.marquee.standalone;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.marquee.infra.security.JwtKeyMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Who may do what: tokens, the role matrix, the last ADMIN, and other organizations' ids. */
class AuthorizationIT extends SharedPlatform {

    static final String DISPLAY = "{\"name\":\"Lobby\"}";

    @Autowired
    JwtKeyMaterial keys;

    @Test
    void a_viewer_and_an_analyst_may_not_write() {
        TestAccounts.Session admin = TestAccounts.registerOrganization(anonymous());
        long before = storedEvents();

        HttpProbe.Answer viewer = TestAccounts.addUser(admin, "VIEWER").http().post("/api/displays", DISPLAY);
        HttpProbe.Answer analyst = TestAccounts.addUser(admin, "ANALYST").http().post("/api/playlists", "{\"name\":\"x\"}");

        for (HttpProbe.Answer refused : new HttpProbe.Answer[] {viewer, analyst}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(viewer.json().get("detail").asText()).contains("VIEWER");
        assertThat(storedEvents()).isEqualTo(before + 2); // the two UserAdded events, nothing else
    }

    @Test
    void an_editor_writes_content_but_may_not_manage_users() {
        TestAccounts.Session admin = TestAccounts.registerOrganization(anonymous());
        TestAccounts.Session editor = TestAccounts.addUser(admin, "EDITOR");

        assertThat(editor.http().post("/api/displays", DISPLAY).status()).isEqualTo(201);
        assertThat(editor.http().post("/api/users", """
                {"email":"x-%s@example.com","password":"%s","displayName":"X","role":"ADMIN"}"""
                .formatted(UUID.randomUUID(), TestAccounts.PASSWORD)).status()).isEqualTo(403);
        assertThat(editor.http().put("/api/users/" + editor.userId() + "/role", "{\"role\":\"ADMIN\"}").status()).isEqualTo(403);
        assertThat(editor.http().send("DELETE", "/api/users/" + admin.userId(), "").status()).isEqualTo(403);
    }

    @Test
    void an_admin_adds_promotes_demotes_and_removes_users() {
        TestAccounts.Session admin = TestAccounts.registerOrganization(anonymous());
        TestAccounts.Session eve = TestAccounts.addUser(admin, "VIEWER");

        assertThat(admin.http().put("/api/users/" + eve.userId() + "/role", "{\"role\":\"ADMIN\"}").status()).isEqualTo(200);
        assertThat(eve.http().get("/api/auth/me").json().get("role").asText()).isEqualTo("ADMIN");
        assertThat(admin.http().put("/api/users/" + eve.userId() + "/role", "{\"role\":\"EDITOR\"}").status()).isEqualTo(200);
        assertThat(admin.http().send("DELETE", "/api/users/" + eve.userId(), "").status()).isEqualTo(204);
        assertThat(TestAccounts.login(anonymous(), eve.email(), eve.password()).status()).isEqualTo(401);
    }

    @Test
    void the_last_admin_can_be_neither_demoted_nor_removed() {
        TestAccounts.Session admin = TestAccounts.registerOrganization(anonymous());

        HttpProbe.Answer demoted = admin.http().put("/api/users/" + admin.userId() + "/role", "{\"role\":\"EDITOR\"}");
        HttpProbe.Answer removed = admin.http().send("DELETE", "/api/users/" + admin.userId(), "");

        for (HttpProbe.Answer refused : new HttpProbe.Answer[] {demoted, removed}) {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("rule").asText()).isEqualTo("last-admin");
        }
    }

    @Test
    void a_role_unknown_to_marquee_is_a_400_naming_the_role() {
        TestAccounts.Session admin = TestAccounts.registerOrganization(anonymous());

        HttpProbe.Answer answer = admin.http().put("/api/users/" + admin.userId() + "/role", "{\"role\":\"OWNER\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("role");
    }

    @Test
    void a_removed_users_token_stops_working_for_writes_at_once() {
        TestAccounts.Session admin = TestAccounts.registerOrganization(anonymous());
        TestAccounts.Session editor = TestAccounts.addUser(admin, "EDITOR");

        admin.http().send("DELETE", "/api/users/" + editor.userId(), "");

        HttpProbe.Answer write = editor.http().post("/api/displays", DISPLAY);
        assertThat(write.status()).isEqualTo(401);
        assertThat(write.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(editor.http().get("/api/auth/me").status()).isEqualTo(401);
    }

    @Test
    void a_demoted_users_token_writes_with_the_new_role_at_once() {
        TestAccounts.Session admin = TestAccounts.registerOrganization(anonymous());
        TestAccounts.Session editor = TestAccounts.addUser(admin, "EDITOR");

        admin.http().put("/api/users/" + editor.userId() + "/role", "{\"role\":\"VIEWER\"}");

        assertThat(editor.http().post("/api/displays", DISPLAY).status()).isEqualTo(403);
    }

    @Test
    void a_role_seen_by_an_earlier_write_does_not_outlive_a_demotion() {
        // given an editor whose role the write side has just looked up (and keeps for a moment)
        TestAccounts.Session admin = TestAccounts.registerOrganization(anonymous());
        TestAccounts.Session editor = TestAccounts.addUser(admin, "EDITOR");
        assertThat(editor.http().post("/api/displays", DISPLAY).status()).isEqualTo(201);

        // when
        admin.http().put("/api/users/" + editor.userId() + "/role", "{\"role\":\"VIEWER\"}");

        // then the very next write is checked against the new role
        assertThat(editor.http().post("/api/displays", DISPLAY).status()).isEqualTo(403);
    }

    @Test
    void a_user_seen_by_an_earlier_write_does_not_outlive_a_removal() {
        // given an editor whose account the write side has just looked up (and keeps for a moment)
        TestAccounts.Session admin = TestAccounts.registerOrganization(anonymous());
        TestAccounts.Session editor = TestAccounts.addUser(admin, "EDITOR");
        assertThat(editor.http().post("/api/displays", DISPLAY).status()).isEqualTo(201);

        // when
        admin.http().send("DELETE", "/api/users/" + editor.userId(), "");

        // then
        assertThat(editor.http().post("/api/displays", DISPLAY).status()).isEqualTo(401);
    }

    @Test
    void users_of_another_organization_are_not_found() {
        TestAccounts.Session acme = TestAccounts.registerOrganization(anonymous());
        TestAccounts.Session globex = TestAccounts.registerOrganization(anonymous());

        assertThat(globex.http().send("DELETE", "/api/users/" + acme.userId(), "").status()).isEqualTo(404);
        assertThat(globex.http().put("/api/users/" + acme.userId() + "/role", "{\"role\":\"VIEWER\"}").status()).isEqualTo(404);
    }

    @Test
    void another_organizations_display_is_not_found_by_a_command_nor_by_the_manifest() {
        // given a display of one organization, with its manifest published
        TestAccounts.Session acme = TestAccounts.registerOrganization(anonymous());
        TestAccounts.Session globex = TestAccounts.registerOrganization(anonymous());
        String displayId = acme.http().post("/api/displays", DISPLAY).json().get("displayId").asText();
        String playlistId = globex.http().post("/api/playlists", "{\"name\":\"Globex loop\"}").json().get("playlistId").asText();
        String manifest = "/api/displays/" + displayId + "/manifest";
        await().atMost(Duration.ofSeconds(30)).until(() -> acme.http().get(manifest).status() == 200);

        // when the other organization commands it and reads its manifest
        HttpProbe.Answer assign = globex.http().put("/api/displays/" + displayId + "/playlist",
                "{\"playlistId\":\"" + playlistId + "\"}");
        HttpProbe.Answer unassign = globex.http().send("DELETE", "/api/displays/" + displayId + "/playlist", "");
        HttpProbe.Answer read = globex.http().get(manifest);

        // then it exists for neither
        assertThat(assign.status()).isEqualTo(404);
        assertThat(unassign.status()).isEqualTo(404);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(TestAccounts.addUser(acme, "VIEWER").http().get(manifest).status())
                .as("any role of the display's own organization reads it").isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"missing", "garbage", "expired", "foreign-key", "wrong-issuer"})
    void a_request_without_a_valid_token_is_a_401_problem(String token) {
        String authorization = authorizationFor(token);
        HttpProbe client = anonymous();
        String[] headers = authorization == null ? new String[0] : new String[] {"Authorization", authorization};

        HttpProbe.Answer command = client.post("/api/displays", DISPLAY, headers);
        HttpProbe.Answer manifest = client.get("/api/displays/" + UUID.randomUUID() + "/manifest", headers);
        HttpProbe.Answer me = client.get("/api/auth/me", headers);

        for (HttpProbe.Answer answer : new HttpProbe.Answer[] {command, manifest, me}) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
            assertThat(answer.json().get("status").asInt()).isEqualTo(401);
        }
    }

    @Test
    void a_stale_token_sent_along_does_not_stop_a_login() {
        TestAccounts.Session admin = TestAccounts.registerOrganization(anonymous());

        HttpProbe.Answer login = anonymous().post("/api/auth/login", """
                {"email":"%s","password":"%s"}""".formatted(admin.email(), admin.password()),
                "Authorization", authorizationFor("expired"));

        assertThat(login.status()).isEqualTo(200);
    }

    private String authorizationFor(String kind) {
        Instant now = Instant.now();
        return switch (kind) {
            case "missing" -> null;
            case "garbage" -> "Bearer not.a.token";
            case "expired" -> "Bearer " + sign(keys, "marquee", now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
            case "foreign-key" -> "Bearer " + sign(JwtKeyMaterial.generated(), "marquee", now, now.plusSeconds(600));
            case "wrong-issuer" -> "Bearer " + sign(keys, "someone-else", now, now.plusSeconds(600));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** A token like login's, for a user that does not exist, signed with the given keys. */
    private static String sign(JwtKeyMaterial signer, String issuer, Instant issuedAt, Instant expiresAt) {
        RSAKey jwk = new RSAKey.Builder(signer.publicKey()).privateKey(signer.privateKey().orElseThrow()).build();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer).subject(UUID.randomUUID().toString())
                .issuedAt(issuedAt).expiresAt(expiresAt)
                .claim("org", UUID.randomUUID().toString()).claim("role", "ADMIN").claim("name", "Mallory")
                .build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)))
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }
}

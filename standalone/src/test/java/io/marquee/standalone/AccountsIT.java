package io.marquee.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Registration, login, "me", and what never leaks: through the real platform. */
@ExtendWith(OutputCaptureExtension.class)
class AccountsIT extends SharedPlatform {

    @Autowired
    LoggingSystem logging;

    @Test
    void a_registered_admin_logs_in_and_sees_who_they_are() {
        // given a new organization
        String email = "Ada-" + UUID.randomUUID() + "@Example.com";
        HttpProbe.Answer registered = anonymous().post("/api/auth/register", """
                {"email":"%s","password":"%s","displayName":"Ada Admin","organizationName":"Acme Cinemas"}"""
                .formatted(email, TestAccounts.PASSWORD));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().get("role").asText()).isEqualTo("ADMIN");
        assertThat(registered.position()).isPositive();

        // when its admin logs in, with the email in other letter case
        HttpProbe.Answer login = TestAccounts.login(anonymous(), email.toLowerCase(), TestAccounts.PASSWORD);

        // then a bearer token comes back, good for 15 minutes, that says who the admin is
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(login.json().get("expiresIn").asLong()).isEqualTo(900);
        JsonNode me = anonymous().as(login.json().get("accessToken").asText()).get("/api/auth/me").json();
        assertThat(me.get("userId").asText()).isEqualTo(registered.json().get("userId").asText());
        assertThat(me.get("organizationId").asText()).isEqualTo(registered.json().get("organizationId").asText());
        assertThat(me.get("email").asText()).isEqualTo(email.toLowerCase());
        assertThat(me.get("displayName").asText()).isEqualTo("Ada Admin");
        assertThat(me.get("role").asText()).isEqualTo("ADMIN");
    }

    @Test
    void an_email_that_is_taken_in_any_letter_case_is_a_409() {
        TestAccounts.Session ada = TestAccounts.registerOrganization(anonymous());
        long before = storedEvents();

        HttpProbe.Answer again = anonymous().post("/api/auth/register", """
                {"email":"%s","password":"another long password","displayName":"Ada Again","organizationName":"Acme 2"}"""
                .formatted(ada.email().toUpperCase()));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("rule").asText()).isEqualTo("email-taken");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_password_shorter_than_12_characters_is_a_400_naming_the_password() {
        HttpProbe.Answer answer = anonymous().post("/api/auth/register", """
                {"email":"short-%s@example.com","password":"eleven-char","displayName":"S","organizationName":"S"}"""
                .formatted(UUID.randomUUID()));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("password");
        assertThat(answer.raw().body()).doesNotContain("eleven-char");
    }

    @Test
    void an_unknown_email_and_a_wrong_password_get_the_same_401() {
        TestAccounts.Session ada = TestAccounts.registerOrganization(anonymous());

        HttpProbe.Answer unknown = TestAccounts.login(anonymous(), "nobody-" + UUID.randomUUID() + "@example.com", "whatever password");
        HttpProbe.Answer wrong = TestAccounts.login(anonymous(), ada.email(), "not the right password");

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.raw().body()).isEqualTo(unknown.raw().body());
        assertThat(wrong.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void repeated_failures_for_one_email_are_throttled_with_retry_after() {
        // given five wrong passwords in a row for one account
        TestAccounts.Session ada = TestAccounts.registerOrganization(anonymous());
        for (int i = 0; i < 5; i++) {
            assertThat(TestAccounts.login(anonymous(), ada.email(), "wrong password " + i).status()).isEqualTo(401);
        }

        // when the right password follows
        HttpProbe.Answer throttled = TestAccounts.login(anonymous(), ada.email(), ada.password());

        // then it waits for the window to end, like any other attempt
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 900L));
        assertThat(throttled.json().get("status").asInt()).isEqualTo(429);
    }

    @Test
    void no_password_hash_or_token_reaches_the_event_store_or_the_log(CapturedOutput output) {
        logging.setLogLevel("org.springframework.web", LogLevel.DEBUG);
        logging.setLogLevel("org.springframework.security", LogLevel.DEBUG);
        logging.setLogLevel("org.axonframework", LogLevel.DEBUG);
        logging.setLogLevel("io.marquee", LogLevel.DEBUG);
        try {
            // given an organization, a second user, a failed login and a refused password
            TestAccounts.Session ada = TestAccounts.registerOrganization(anonymous());
            TestAccounts.Session eve = TestAccounts.addUser(ada, "EDITOR");
            TestAccounts.login(anonymous(), ada.email(), "Not-" + ada.password());
            ada.http().post("/api/users", """
                    {"email":"x-%s@example.com","password":"tooShort!","displayName":"X","role":"VIEWER"}"""
                    .formatted(UUID.randomUUID()));
            ada.http().get("/api/auth/me");

            // then neither the passwords, their hashes nor the tokens are stored in an event or logged
            List<String> hashes = jdbc.queryForList(
                    "SELECT password_hash FROM command_user_credentials WHERE user_id IN (?::uuid, ?::uuid)",
                    String.class, ada.userId(), eve.userId());
            assertThat(hashes).hasSize(2).allSatisfy(hash -> assertThat(hash).startsWith("{bcrypt-sha256}$2a$12$"));
            List<String> secrets = List.of(TestAccounts.PASSWORD, "Not-" + TestAccounts.PASSWORD, "tooShort!",
                    hashes.get(0), hashes.get(1), bcryptDigest(hashes.get(0)), ada.token(), eve.token());
            String events = String.join("\n", jdbc.queryForList(
                    "SELECT convert_from(payload, 'UTF8') || ' ' || coalesce(convert_from(meta_data, 'UTF8'), '') "
                            + "FROM domain_event_entry", String.class));
            assertThat(events).contains(ada.userId(), eve.userId(), "Ada Admin");
            assertThat(output.getAll()).contains("POST \"/api/auth/login\"");
            for (String secret : secrets) {
                assertThat(events).doesNotContain(secret);
                assertThat(output.getAll()).doesNotContain(secret);
            }
        } finally {
            for (String logger : List.of("org.springframework.web", "org.springframework.security", "org.axonframework", "io.marquee")) {
                logging.setLogLevel(logger, null);
            }
        }
    }

    /** The part of a BCrypt hash after its salt, which would give the hash away even without its prefix. */
    private static String bcryptDigest(String hash) {
        return hash.substring(hash.length() - 31);
    }
}

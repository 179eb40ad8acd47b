package io.marquee.standalone;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Registers organizations and users over HTTP and logs them in: the first steps of any black-box test. */
final class TestAccounts {

    static final String PASSWORD = "correct horse battery staple";

    /** A logged-in user, and a probe that acts as them. */
    record Session(String userId, String organizationId, String email, String password, String token, HttpProbe http) {
    }

    private TestAccounts() {
    }

    /** Registers a new organization with a fresh email and logs its first ADMIN in. */
    static Session registerOrganization(HttpProbe server) {
        String email = "admin-" + UUID.randomUUID() + "@example.com";
        HttpProbe.Answer registered = server.anonymous().post("/api/auth/register", """
                {"email":"%s","password":"%s","displayName":"Ada Admin","organizationName":"Org %s"}"""
                .formatted(email, PASSWORD, UUID.randomUUID()));
        assertThat(registered.status()).as("register: %s", registered.raw().body()).isEqualTo(201);
        return logIn(server, registered.json().get("userId").asText(),
                registered.json().get("organizationId").asText(), email);
    }

    /** Has the admin add a user with the role, and logs that user in. */
    static Session addUser(Session admin, String role) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        HttpProbe.Answer added = admin.http().post("/api/users", """
                {"email":"%s","password":"%s","displayName":"A %s","role":"%s"}""".formatted(email, PASSWORD, role, role));
        assertThat(added.status()).as("add user: %s", added.raw().body()).isEqualTo(201);
        return logIn(admin.http(), added.json().get("userId").asText(), admin.organizationId(), email);
    }

    /** Logs in with the test password and returns the login's answer as is. */
    static HttpProbe.Answer login(HttpProbe server, String email, String password) {
        return server.anonymous().post("/api/auth/login", """
                {"email":"%s","password":"%s"}""".formatted(email, password));
    }

    private static Session logIn(HttpProbe server, String userId, String organizationId, String email) {
        HttpProbe.Answer login = login(server, email, PASSWORD);
        assertThat(login.status()).as("login: %s", login.raw().body()).isEqualTo(200);
        String token = login.json().get("accessToken").asText();
        return new Session(userId, organizationId, email, PASSWORD, token, server.as(token));
    }
}

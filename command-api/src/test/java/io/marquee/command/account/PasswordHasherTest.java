package io.marquee.command.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

    // the production cost: these tests also show what it costs
    final PasswordHasher hasher = new PasswordHasher(new PasswordProperties(12));

    @Test
    void a_hash_names_its_scheme_and_cost_and_hides_the_password() {
        String hash = hasher.hash(PlainPassword.of("correct horse battery"));

        assertThat(hash).startsWith("{bcrypt-sha256}$2a$12$").doesNotContain("correct horse battery");
    }

    @Test
    void the_right_password_matches_and_a_wrong_one_does_not() {
        String hash = hasher.hash(PlainPassword.of("correct horse battery"));

        assertThat(hasher.matches(PlainPassword.of("correct horse battery"), hash)).isTrue();
        assertThat(hasher.matches(PlainPassword.of("correct horse battery!"), hash)).isFalse();
    }

    @Test
    void passwords_longer_than_bcrypts_72_bytes_still_count_in_full() {
        String base = "x".repeat(100);
        String hash = hasher.hash(PlainPassword.of(base + "A"));

        assertThat(hasher.matches(PlainPassword.of(base + "A"), hash)).isTrue();
        assertThat(hasher.matches(PlainPassword.of(base + "B"), hash)).isFalse();
    }

    @Test
    void nothing_matches_a_missing_hash() {
        assertThat(hasher.matches(PlainPassword.of("correct horse battery"), null)).isFalse();
    }

    @Test
    void a_password_never_shows_in_its_string_form() {
        assertThat(PlainPassword.of("correct horse battery")).hasToString("[password]");
    }
}

package io.marquee.command.display.token;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceTokenTest {

    @Test
    void a_token_is_the_prefix_and_32_random_bytes_in_unpadded_base64url() {
        String secret = DeviceToken.generate().secret();
        assertThat(secret).startsWith("mqd_").hasSize(4 + 43).matches("mqd_[A-Za-z0-9_-]{43}");
    }

    @Test
    void two_tokens_differ() {
        assertThat(DeviceToken.generate().secret()).isNotEqualTo(DeviceToken.generate().secret());
    }

    @Test
    void a_token_and_its_hash_never_print_themselves() {
        DeviceToken token = DeviceToken.generate();
        assertThat(token.toString()).doesNotContain(token.secret().substring(4));
        assertThat(token.hash().toString())
                .doesNotContain(HexFormat.of().formatHex(token.hash().bytes()))
                .doesNotContain(token.secret().substring(4));
    }

    @Test
    void the_hash_is_the_sha256_of_the_tokens_text() {
        // the FIPS 180-2 test vector for "abc"
        assertThat(HexFormat.of().formatHex(DeviceTokenHash.of("abc").bytes()))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void hashes_of_the_same_token_are_equal() {
        DeviceToken token = DeviceToken.generate();
        assertThat(DeviceTokenHash.of(token.secret())).isEqualTo(token.hash()).hasSameHashCodeAs(token.hash());
        assertThat(DeviceTokenHash.of(token.secret() + "x")).isNotEqualTo(token.hash());
    }
}

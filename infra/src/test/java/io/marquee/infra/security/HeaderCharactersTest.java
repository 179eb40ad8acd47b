package io.marquee.infra.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderCharactersTest {

    /** The rule Spring Security's StrictHttpFirewall applies by default. */
    private static final Pattern SPRING_DEFAULT = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @ParameterizedTest
    @ValueSource(longs = {1L, 7L, 42L, 2026L, 90210L})
    void decides_like_the_firewalls_own_pattern_on_random_strings(long seed) {
        // given strings mixing printable ASCII, controls, Latin-1, the BMP, surrogate pairs and lone surrogates
        Random random = new Random(seed);
        for (int n = 0; n < 20_000; n++) {
            String value = randomValue(random);

            // when / then
            assertThat(HeaderCharacters.ALLOWED.test(value))
                    .as("%s", value.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(SPRING_DEFAULT.matcher(value).matches());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "\"1-abc\"", "", "caf\u00e9", "\ud83d\ude00"})
    void accepts_ordinary_header_values(String value) {
        assertThat(HeaderCharacters.ALLOWED.test(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\rb", "a\nb", "tab\there", "nul\u0000", "del\u007f", "c1\u0085", "unassigned\u0378"})
    void refuses_control_and_unassigned_characters(String value) {
        assertThat(HeaderCharacters.ALLOWED.test(value)).isFalse();
    }

    private static String randomValue(Random random) {
        StringBuilder value = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> value.append((char) (0x20 + random.nextInt(0x5f)));
                case 1 -> value.append((char) random.nextInt(0x20));
                case 2 -> value.append((char) (0x7f + random.nextInt(0x81)));
                case 3 -> value.append((char) random.nextInt(0x10000));
                case 4 -> value.appendCodePoint(0x10000 + random.nextInt(0x100000));
                default -> value.append((char) (0xd800 + random.nextInt(0x800)));
            }
        }
        return value.toString();
    }
}

package io.marquee.infra.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenHeaderTest {

    private static final String ALPHABET = "Bb earERtTXx AZaz09-._~+/=\t,;:\"ü";

    private final BearerTokenResolver spring = new DefaultBearerTokenResolver();
    private final BearerTokenResolver ours = new BearerTokenHeader();

    @ParameterizedTest
    @ValueSource(longs = {3L, 11L, 2026L, 31337L})
    void resolves_and_refuses_exactly_like_springs_default_resolver(long seed) {
        // given headers that are mostly near-misses of "Bearer <token68>"
        Random random = new Random(seed);
        for (int n = 0; n < 20_000; n++) {
            String header = randomHeader(random);

            // when / then
            assertThat(outcome(ours, header)).as("[%s]", header).isEqualTo(outcome(spring, header));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", "bearer abc==", "BEARER a-b_c~d+e/f"})
    void resolves_well_formed_tokens(String header) {
        assertThat(outcome(ours, header)).isEqualTo(header.substring(7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer ", "Bearer  abc", "Bearer a=b", "Bearer abc def", "Bearer", "Bearerabc"})
    void refuses_malformed_bearer_headers(String header) {
        assertThat(outcome(ours, header)).isEqualTo("invalid_token");
    }

    private static String outcome(BearerTokenResolver resolver, String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/displays/x/manifest");
        request.addHeader("Authorization", header);
        try {
            return String.valueOf(resolver.resolve(request));
        } catch (OAuth2AuthenticationException e) {
            return e.getError().getErrorCode();
        }
    }

    private static String randomHeader(Random random) {
        StringBuilder header = new StringBuilder(random.nextInt(4) == 0 ? "" : random.nextBoolean() ? "Bearer " : "bEaReR");
        int length = random.nextInt(10);
        for (int i = 0; i < length; i++) {
            header.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return header.toString();
    }
}

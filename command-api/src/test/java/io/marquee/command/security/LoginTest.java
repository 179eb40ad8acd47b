package io.marquee.command.security;

import io.marquee.command.account.Credentials;
import io.marquee.command.account.InMemoryCredentials;
import io.marquee.command.account.PasswordHasher;
import io.marquee.command.account.PasswordProperties;
import io.marquee.command.account.PlainPassword;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.UserId;
import io.marquee.infra.security.JwtKeyMaterial;
import io.marquee.infra.security.JwtProperties;
import io.marquee.infra.security.MarqueeClaims;
import io.marquee.infra.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class LoginTest {

    static final String ADDRESS = "192.0.2.1";
    static final PlainPassword PASSWORD = PlainPassword.of("correct horse battery");
    static final UserId ADA = UserId.random();
    static final UserId EVE = UserId.random();
    static final OrganizationId ORG = OrganizationId.random();

    static JwtKeyMaterial keys;
    static PasswordHasher hasher;
    static String hash;

    InMemoryCredentials credentials;
    Login login;

    @BeforeAll
    static void once() {
        keys = JwtKeyMaterial.generated();
        hasher = new PasswordHasher(new PasswordProperties(12)); // the production cost, so that timing is real
        hash = hasher.hash(PASSWORD);
    }

    @BeforeEach
    void setUp() {
        credentials = new InMemoryCredentials();
        credentials.add(new Credentials.Account(ADA, ORG, "ada@acme.example", "Ada Admin", Role.ADMIN, hash, false));
        credentials.add(new Credentials.Account(EVE, ORG, "eve@acme.example", "Eve Editor", Role.EDITOR, hash, false));
        credentials.remove(EVE);
        JwtProperties settings = new JwtProperties(null, null, "marquee", Duration.ofMinutes(15), 100_000);
        login = new Login(credentials, hasher, new LoginThrottle(new LoginProperties(5, 30, Duration.ofMinutes(15))),
                new AccessTokens(new JwtSigner(keys), settings));
    }

    @Test
    void the_right_password_gets_a_token_naming_the_user_organization_role_and_name() {
        // when Ada logs in, with her email typed in capitals
        AccessTokens.AccessToken token = login.login(" ADA@acme.example", PASSWORD, ADDRESS);

        // then the token verifies with the public key and says who she is, for 15 minutes
        Jwt jwt = NimbusJwtDecoder.withPublicKey(keys.publicKey()).build().decode(token.value());
        assertThat(jwt.getSubject()).isEqualTo(ADA.toString());
        assertThat(jwt.getClaimAsString(MarqueeClaims.ORGANIZATION)).isEqualTo(ORG.toString());
        assertThat(jwt.getClaimAsString(MarqueeClaims.ROLE)).isEqualTo("ADMIN");
        assertThat(jwt.getClaimAsString(MarqueeClaims.DISPLAY_NAME)).isEqualTo("Ada Admin");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
        assertThat(jwt.getHeaders()).containsEntry("kid", keys.keyId()).containsEntry("alg", "RS256");
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void an_unknown_email_a_wrong_password_and_a_removed_user_are_refused_alike() {
        Throwable unknown = catchThrowable(() -> login.login("nobody@acme.example", PASSWORD, ADDRESS));
        Throwable wrong = catchThrowable(() -> login.login("ada@acme.example", PlainPassword.of("wrong horse battery"), ADDRESS));
        Throwable removed = catchThrowable(() -> login.login("eve@acme.example", PASSWORD, ADDRESS));

        assertThat(unknown).isInstanceOf(LoginRefusedException.class);
        assertThat(wrong).isInstanceOf(LoginRefusedException.class).hasMessage(unknown.getMessage());
        assertThat(removed).isInstanceOf(LoginRefusedException.class).hasMessage(unknown.getMessage());
    }

    @Test
    void an_unknown_email_costs_as_much_as_a_wrong_password() {
        long wrongPassword = fastestOf(3, () -> catchThrowable(
                () -> login.login("ada@acme.example", PlainPassword.of("wrong horse battery"), "192.0.2.2")));
        long unknownEmail = fastestOf(3, () -> catchThrowable(
                () -> login.login("nobody@acme.example", PASSWORD, "192.0.2.3")));

        // one BCrypt computation each; without the decoy an unknown email would take well under a millisecond
        assertThat(unknownEmail).isGreaterThan(wrongPassword / 2);
    }

    @Test
    void a_throttled_email_is_refused_even_with_the_right_password() {
        for (int i = 0; i < 5; i++) {
            catchThrowable(() -> login.login("ada@acme.example", PlainPassword.of("wrong horse battery"), ADDRESS));
        }

        assertThatThrownBy(() -> login.login("ada@acme.example", PASSWORD, ADDRESS))
                .isInstanceOf(LoginThrottledException.class);
    }

    private static long fastestOf(int runs, Supplier<?> action) {
        return LongStream.range(0, runs).map(run -> {
            long start = System.nanoTime();
            action.get();
            return System.nanoTime() - start;
        }).min().orElseThrow();
    }
}

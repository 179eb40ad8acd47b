package io.marquee.command.security;

import io.marquee.command.account.Credentials;
import io.marquee.command.account.PasswordHasher;
import io.marquee.command.account.PlainPassword;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Checks an email and password and hands out an access token. Every refusal is the same
 * {@link LoginRefusedException} after the same work (one database read, one BCrypt computation), so
 * neither the answer nor its timing tells an unknown email from a wrong password or a removed user.
 * A throttled email or address is refused before any of that.
 */
@Component
class Login {

    private final Credentials credentials;
    private final PasswordHasher passwords;
    private final LoginThrottle throttle;
    private final AccessTokens tokens;

    Login(Credentials credentials, PasswordHasher passwords, LoginThrottle throttle, AccessTokens tokens) {
        this.credentials = credentials;
        this.passwords = passwords;
        this.throttle = throttle;
        this.tokens = tokens;
    }

    /**
     * @throws LoginThrottledException too many recent failures for the email or from the address
     * @throws LoginRefusedException   any bad credential
     */
    AccessTokens.AccessToken login(String email, PlainPassword password, String clientAddress) {
        String normalized = Credentials.normalizeEmail(email);
        throttle.requireAllowed(normalized, clientAddress);
        Optional<Credentials.Account> account = credentials.byEmail(normalized).filter(found -> !found.removed());
        if (!passwords.matches(password, account.map(Credentials.Account::passwordHash).orElse(null))) {
            throttle.recordFailure(normalized, clientAddress);
            throw new LoginRefusedException();
        }
        throttle.recordSuccess(normalized);
        return tokens.issue(account.orElseThrow());
    }
}

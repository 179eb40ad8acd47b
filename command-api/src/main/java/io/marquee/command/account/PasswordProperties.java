package io.marquee.command.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How passwords are hashed.
 *
 * @param bcryptStrength BCrypt's cost (log2 of the rounds), 10 to 16. 12 takes about a quarter to a
 *                       third of a second per hash on a current server core: slow enough to make
 *                       guessing from a stolen table expensive, cheap enough for a login. Each step
 *                       doubles the time. Existing hashes keep the cost they were made with.
 */
@ConfigurationProperties("marquee.security.password")
public record PasswordProperties(@DefaultValue("12") int bcryptStrength) {

    public PasswordProperties {
        if (bcryptStrength < 10 || bcryptStrength > 16) {
            throw new IllegalArgumentException("marquee.security.password.bcrypt-strength must be 10 to 16");
        }
    }
}

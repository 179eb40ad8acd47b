package io.marquee.command.account;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Hashes passwords with BCrypt over their SHA-256 ("bcrypt-sha256"). BCrypt reads only 72 bytes and
 * Spring refuses longer input, while a password may have 128 characters; the base64 SHA-256 digest
 * (44 bytes) keeps all of it. Stored hashes carry the scheme as a prefix so that it can change later.
 *
 * <p>Checking always costs one BCrypt computation, also when there is nothing to check against (an
 * unknown or removed user), so that the time of a failed login does not tell which case it was.
 */
@Component
@EnableConfigurationProperties(PasswordProperties.class)
public class PasswordHasher {

    static final String SCHEME = "{bcrypt-sha256}";

    private final BCryptPasswordEncoder bcrypt;
    private final String decoy;

    public PasswordHasher(PasswordProperties properties) {
        this.bcrypt = new BCryptPasswordEncoder(properties.bcryptStrength());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.decoy = bcrypt.encode(Base64.getEncoder().encodeToString(random));
    }

    public String hash(PlainPassword password) {
        return SCHEME + bcrypt.encode(prehash(password));
    }

    /** Whether the password matches the stored hash; false for a null hash, after the same work. */
    public boolean matches(PlainPassword password, String storedHash) {
        boolean usable = storedHash != null && storedHash.startsWith(SCHEME);
        boolean matches = bcrypt.matches(prehash(password), usable ? storedHash.substring(SCHEME.length()) : decoy);
        return usable && matches;
    }

    private static String prehash(PlainPassword password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.reveal().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}

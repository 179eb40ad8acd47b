package io.marquee.infra.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Optional;

/**
 * The RSA key pair of access tokens. The write side signs with the private key; every role verifies
 * with the public key, and a verify-only role never holds the private one.
 *
 * <p>Where it comes from, first match wins:
 * <ol>
 *   <li>{@code public-key-location}: the public key only (verify-only);</li>
 *   <li>{@code key-directory} with {@value #PRIVATE_FILE}: loaded (the public key is derived if its file
 *       is missing);</li>
 *   <li>{@code key-directory} with only {@value #PUBLIC_FILE}: the public key only (verify-only);</li>
 *   <li>{@code key-directory} with neither: a new pair is generated and written there, the private key
 *       readable by its owner only (0600);</li>
 *   <li>nothing configured: a new pair in memory. Tokens then die with the process and no other process
 *       can verify them: right for tests and a quick try, wrong for anything else (a warning says so).</li>
 * </ol>
 * Generating into a directory holds a file lock, so two processes starting on one directory end up with
 * the same pair.
 */
public final class JwtKeyMaterial {

    static final String PRIVATE_FILE = "jwt-private.pem";
    static final String PUBLIC_FILE = "jwt-public.pem";
    /** NIST's size for protection beyond 2030; signing happens once per login, so its cost does not matter. */
    static final int GENERATED_KEY_BITS = 3072;
    static final int MIN_KEY_BITS = 2048;

    private static final Logger log = LoggerFactory.getLogger(JwtKeyMaterial.class);
    private static final Object IN_PROCESS_LOCK = new Object(); // file locks are per process, not per thread

    private final RSAPublicKey publicKey;
    private final RSAPrivateKey privateKey; // null when verify-only
    private final String keyId;

    private JwtKeyMaterial(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        if (publicKey.getModulus().bitLength() < MIN_KEY_BITS) {
            throw new IllegalStateException("the JWT key has " + publicKey.getModulus().bitLength()
                    + " bits; at least " + MIN_KEY_BITS + " are required");
        }
        if (privateKey != null && !privateKey.getModulus().equals(publicKey.getModulus())) {
            throw new IllegalStateException("the JWT public key does not belong to the private key");
        }
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.keyId = thumbprint(publicKey);
    }

    /** Loads or creates the key material as the settings say. */
    public static JwtKeyMaterial from(JwtProperties properties) {
        if (properties.publicKeyLocation() != null && properties.keyDirectory() != null) {
            throw new IllegalStateException("set either marquee.security.jwt.key-directory or "
                    + "marquee.security.jwt.public-key-location, not both");
        }
        if (properties.publicKeyLocation() != null) {
            return new JwtKeyMaterial(readPublicKey(properties.publicKeyLocation()), null);
        }
        if (properties.keyDirectory() != null) {
            return fromDirectory(properties.keyDirectory().toAbsolutePath());
        }
        log.warn("No marquee.security.jwt.key-directory is set: access tokens are signed with a key pair held in "
                + "memory, so they stop working at restart and no other process can verify them");
        return generated();
    }

    /** A new pair that lives in memory only. */
    public static JwtKeyMaterial generated() {
        KeyPair pair = generatePair();
        return new JwtKeyMaterial((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** The signing key; empty for a verify-only role. */
    public Optional<RSAPrivateKey> privateKey() {
        return Optional.ofNullable(privateKey);
    }

    /** A stable id of the pair (the {@code kid} header): the SHA-256 thumbprint of the public key. */
    public String keyId() {
        return keyId;
    }

    private static JwtKeyMaterial fromDirectory(Path directory) {
        synchronized (IN_PROCESS_LOCK) {
            try {
                createPrivateDirectory(directory);
                try (FileChannel channel = FileChannel.open(directory.resolve(".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    return loadOrGenerate(directory);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot use the JWT key directory " + directory, e);
            }
        }
    }

    private static JwtKeyMaterial loadOrGenerate(Path directory) throws IOException {
        Path privateFile = directory.resolve(PRIVATE_FILE);
        Path publicFile = directory.resolve(PUBLIC_FILE);
        if (Files.exists(privateFile)) {
            RSAPrivateKey privateKey = PemKeys.readPrivateKey(Files.readString(privateFile, StandardCharsets.US_ASCII));
            RSAPublicKey publicKey;
            if (Files.exists(publicFile)) {
                publicKey = PemKeys.readPublicKey(Files.readString(publicFile, StandardCharsets.US_ASCII));
            } else {
                publicKey = PemKeys.publicKeyOf(privateKey);
                write(publicFile, PemKeys.publicKeyPem(publicKey), false);
            }
            log.info("Loaded the JWT key pair from {}", directory);
            return new JwtKeyMaterial(publicKey, privateKey);
        }
        if (Files.exists(publicFile)) {
            log.info("Loaded the JWT public key from {}; this role verifies tokens but cannot sign them", directory);
            return new JwtKeyMaterial(PemKeys.readPublicKey(Files.readString(publicFile, StandardCharsets.US_ASCII)), null);
        }
        KeyPair pair = generatePair();
        write(privateFile, PemKeys.privateKeyPem((RSAPrivateKey) pair.getPrivate()), true);
        write(publicFile, PemKeys.publicKeyPem((RSAPublicKey) pair.getPublic()), false);
        log.info("Generated a {}-bit JWT key pair in {}", GENERATED_KEY_BITS, directory);
        return new JwtKeyMaterial((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
    }

    private static RSAPublicKey readPublicKey(Resource location) {
        try (InputStream in = location.getInputStream()) {
            return PemKeys.readPublicKey(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JWT public key from " + location, e);
        }
    }

    private static KeyPair generatePair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(GENERATED_KEY_BITS);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every JRE", e);
        }
    }

    /** Writes a file in one step (temporary file, then rename), created with its final permissions. */
    private static void write(Path file, String content, boolean ownerOnly) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (posix()) {
            Files.createFile(tmp, permissions(ownerOnly ? "rw-------" : "rw-r--r--"));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            if (posix()) {
                Files.createDirectories(directory, permissions("rwx------"));
            } else {
                Files.createDirectories(directory);
            }
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?> permissions(String symbolic) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(symbolic));
    }

    private static String thumbprint(RSAPublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}

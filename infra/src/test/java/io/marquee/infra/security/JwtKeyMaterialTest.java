package io.marquee.infra.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtKeyMaterialTest {

    @TempDir
    Path dir;

    static JwtProperties directory(Path keyDirectory) {
        return new JwtProperties(keyDirectory, null, "marquee", Duration.ofMinutes(15), 100_000);
    }

    @Test
    void an_empty_key_directory_gets_a_new_pair_with_an_owner_only_private_key() throws Exception {
        // given an empty directory
        Path keys = dir.resolve("keys");

        // when the key material is loaded
        JwtKeyMaterial material = JwtKeyMaterial.from(directory(keys));

        // then a pair is written, the private key readable by its owner only
        assertThat(material.privateKey()).isPresent();
        assertThat(material.publicKey().getModulus().bitLength()).isEqualTo(JwtKeyMaterial.GENERATED_KEY_BITS);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("jwt-private.pem"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(keys.resolve("jwt-public.pem"))).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void a_key_directory_with_a_pair_is_loaded_rather_than_regenerated() {
        // given a directory that already holds a pair
        JwtKeyMaterial first = JwtKeyMaterial.from(directory(dir));

        // when it is loaded again, as after a restart
        JwtKeyMaterial again = JwtKeyMaterial.from(directory(dir));

        // then it is the same pair
        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        assertThat(again.privateKey()).isEqualTo(first.privateKey());
        assertThat(again.keyId()).isEqualTo(first.keyId());
    }

    @Test
    void a_lost_public_key_file_is_derived_from_the_private_key() throws Exception {
        // given a pair whose public key file is gone
        JwtKeyMaterial first = JwtKeyMaterial.from(directory(dir));
        Files.delete(dir.resolve("jwt-public.pem"));

        // when loaded
        JwtKeyMaterial again = JwtKeyMaterial.from(directory(dir));

        // then the public key is the same and written back
        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        assertThat(dir.resolve("jwt-public.pem")).exists();
    }

    @Test
    void a_directory_with_only_the_public_key_verifies_but_cannot_sign() throws Exception {
        // given only a public key in the directory
        JwtKeyMaterial signer = JwtKeyMaterial.generated();
        Files.writeString(dir.resolve("jwt-public.pem"), PemKeys.publicKeyPem(signer.publicKey()));

        // when loaded
        JwtKeyMaterial verifier = JwtKeyMaterial.from(directory(dir));

        // then it holds that public key and no private key
        assertThat(verifier.publicKey()).isEqualTo(signer.publicKey());
        assertThat(verifier.privateKey()).isEmpty();
        assertThat(dir.resolve("jwt-private.pem")).doesNotExist();
    }

    @Test
    void a_public_key_location_gives_a_verify_only_role() throws Exception {
        // given a public key file somewhere
        JwtKeyMaterial signer = JwtKeyMaterial.generated();
        Path pem = Files.writeString(dir.resolve("signer.pem"), PemKeys.publicKeyPem(signer.publicKey()));

        // when a role names it
        JwtKeyMaterial verifier = JwtKeyMaterial.from(
                new JwtProperties(null, new FileSystemResource(pem), "marquee", Duration.ofMinutes(15), 100_000));

        // then it can verify that signer's tokens and sign none
        assertThat(verifier.publicKey()).isEqualTo(signer.publicKey());
        assertThat(verifier.privateKey()).isEmpty();
    }

    @Test
    void naming_both_a_key_directory_and_a_public_key_location_is_refused() {
        JwtProperties both = new JwtProperties(dir, new FileSystemResource(dir.resolve("x.pem")), "marquee",
                Duration.ofMinutes(15), 100_000);
        assertThatThrownBy(() -> JwtKeyMaterial.from(both))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void a_public_key_that_does_not_belong_to_the_private_key_is_refused() throws Exception {
        // given a directory whose two files come from different pairs
        JwtKeyMaterial.from(directory(dir));
        Files.writeString(dir.resolve("jwt-public.pem"), PemKeys.publicKeyPem(JwtKeyMaterial.generated().publicKey()));

        // when loaded, then it fails rather than sign tokens nobody can verify
        assertThatThrownBy(() -> JwtKeyMaterial.from(directory(dir)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void a_key_shorter_than_2048_bits_is_refused() throws Exception {
        // given a 1024-bit pair in the directory
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        var weak = generator.generateKeyPair();
        Files.writeString(dir.resolve("jwt-private.pem"), PemKeys.privateKeyPem((RSAPrivateKey) weak.getPrivate()));
        Files.writeString(dir.resolve("jwt-public.pem"), PemKeys.publicKeyPem((RSAPublicKey) weak.getPublic()));

        // when loaded, then it is refused
        assertThatThrownBy(() -> JwtKeyMaterial.from(directory(dir)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 2048");
    }
}

package io.marquee.query.manifest;

import io.marquee.infra.security.AuthenticatedDevice;
import io.marquee.infra.security.BearerTokenHeader;
import io.marquee.infra.security.DeviceTokens;
import io.marquee.infra.web.NotFoundException;
import io.marquee.query.access.PlayerAccess;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * A display reading its own manifest with its device token, decided from the {@code Authorization}
 * header alone, without Spring Security: the fast path filter and the player port use it. Every refusal
 * is the exception the filter chain or {@link ManifestController} would raise for the same request, so
 * a server outside Spring MVC answers the same status and problem.
 */
@Component
public class DeviceReads {

    /** What the request may read. */
    public sealed interface Outcome {
    }

    /** The display itself, with a current device token; its manifest if one has arrived (and is of its organization). */
    public record Own(AuthenticatedDevice device, Optional<ServedManifest> manifest) implements Outcome {

        /** The manifest, or the 404 the controller answers when there is none. */
        public ServedManifest manifestOr404() {
            return manifest.orElseThrow(() -> noManifest(device.displayId().value()));
        }
    }

    /** Not allowed: the exception (401, 404) the main port's chain or controller raises for it. */
    public record Refused(RuntimeException failure) implements Outcome {
    }

    /** A valid token of a user, not a device; the main port serves users through Spring Security. */
    public record UserToken() implements Outcome {
    }

    private final ManifestView view;
    private final PlayerAccess access;
    private final DeviceTokens tokens;
    private final BearerTokenHeader bearer = new BearerTokenHeader();

    DeviceReads(ManifestView view, PlayerAccess access, DeviceTokens tokens) {
        this.view = view;
        this.access = access;
        this.tokens = tokens;
    }

    /** Who the {@code Authorization} header says the caller is; a device is not yet checked against a display. */
    public Outcome caller(String authorization) {
        String token;
        try {
            token = bearer.resolve(authorization);
        } catch (OAuth2AuthenticationException malformed) {
            return new Refused(malformed); // what the chain's resolver raises, and answers
        }
        if (token == null) {
            return new Refused(new InsufficientAuthenticationException("Full authentication is required"));
        }
        DeviceTokens.Verified verified = tokens.check(token);
        if (verified instanceof DeviceTokens.Device device) {
            return new Own(device.device(), Optional.empty());
        }
        return verified instanceof DeviceTokens.User
                ? new UserToken()
                : new Refused(new InvalidBearerTokenException("Invalid token"));
    }

    /** The caller of {@link #caller} checked against the display in the path, with the display's manifest. */
    public Outcome read(Outcome caller, UUID displayId) {
        if (!(caller instanceof Own own)) {
            return caller;
        }
        Optional<RuntimeException> refused = access.refusal(own.device(), displayId);
        if (refused.isPresent()) {
            return new Refused(refused.get());
        }
        return new Own(own.device(), view.find(displayId)
                .filter(found -> found.organizationId().equals(own.device().organizationId().value())));
    }

    /** The 404 of a display that has no manifest (yet), or none its caller may see. */
    public static NotFoundException noManifest(UUID displayId) {
        return new NotFoundException("Manifest of display", displayId);
    }
}

package io.marquee.query.manifest;

import io.marquee.infra.security.AuthenticatedDevice;
import io.marquee.infra.security.BearerTokenHeader;
import io.marquee.infra.security.DeviceTokens;
import io.marquee.query.access.PlayerAccess;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The manifest read of a display polling with its own device token, answered before Spring Security and
 * Spring MVC see the request: on that path their generic machinery (a firewall pass, a dozen security
 * filters, two handler lookups, argument resolution, content negotiation) cost several times what serving
 * the bytes does, and a fleet of thousands of screens does nothing else all day.
 *
 * <p>It serves only the plain success: a well-formed, current device token of the display asking, a
 * manifest in memory, no {@code Marquee-Min-Position}. It answers exactly as {@link ManifestController}
 * does (same status, ETag, headers, bytes). Everything else — users' tokens, bad or revoked tokens, other
 * displays, missing manifests, waits — goes on to the filter chain and the controller, which own every
 * error answer, so the rules live in one place. Timed as {@code marquee.manifest.fast.reads}.
 */
final class ManifestFastPath implements Filter {

    private static final String PREFIX = "/api/displays/";
    private static final String SUFFIX = "/manifest";
    private static final int UUID_LENGTH = 36;
    private static final String MIN_POSITION = "Marquee-Min-Position";

    private final ManifestView view;
    private final PlayerAccess access;
    private final DeviceTokens tokens;
    private final BearerTokenHeader bearer = new BearerTokenHeader();
    private final Timer served;
    private final Timer notModified;

    ManifestFastPath(ManifestView view, PlayerAccess access, DeviceTokens tokens, MeterRegistry meters) {
        this.view = view;
        this.access = access;
        this.tokens = tokens;
        this.served = Timer.builder("marquee.manifest.fast.reads").tag("status", "200").register(meters);
        this.notModified = Timer.builder("marquee.manifest.fast.reads").tag("status", "304").register(meters);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        long start = System.nanoTime();
        HttpServletRequest request = (HttpServletRequest) req;
        Optional<ServedManifest> manifest = "GET".equals(request.getMethod()) && request.getHeader(MIN_POSITION) == null
                ? displayId(request.getRequestURI()).flatMap(displayId -> ownManifest(request, displayId))
                : Optional.empty();
        if (manifest.isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        boolean unchanged = write(manifest.get(), request.getHeader(HttpHeaders.IF_NONE_MATCH), (HttpServletResponse) res);
        (unchanged ? notModified : served).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /** The manifest, if the request carries a current device token of this very display and it has one. */
    private Optional<ServedManifest> ownManifest(HttpServletRequest request, UUID displayId) {
        String token;
        try {
            token = bearer.resolve(request);
        } catch (OAuth2AuthenticationException malformed) {
            return Optional.empty();
        }
        if (token == null) {
            return Optional.empty();
        }
        Optional<AuthenticatedDevice> device = tokens.verify(token)
                .filter(verified -> verified.displayId().value().equals(displayId) && access.isCurrent(verified));
        return device.flatMap(own -> view.find(displayId)
                .filter(found -> found.organizationId().equals(own.organizationId().value())));
    }

    /** @return true if it answered 304 */
    private static boolean write(ServedManifest manifest, String ifNoneMatch, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.ETAG, manifest.etag());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        // what Spring Security's header writers add to every answer of the chain
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("X-Frame-Options", "DENY");
        if (EntityTags.matches(ifNoneMatch, manifest.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(manifest.body().length);
        response.getOutputStream().write(manifest.body());
        return false;
    }

    /** The display id of {@code /api/displays/{uuid}/manifest} exactly; empty for any other path. */
    static Optional<UUID> displayId(String uri) {
        if (uri.length() != PREFIX.length() + UUID_LENGTH + SUFFIX.length()
                || !uri.startsWith(PREFIX) || !uri.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(uri.substring(PREFIX.length(), PREFIX.length() + UUID_LENGTH)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}

package io.marquee.query.manifest;

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

import java.io.IOException;
import java.util.Map;
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
 * error answer on this port. The decision is {@link DeviceReads}', which the player port shares. Timed as
 * {@code marquee.manifest.fast.reads}.
 */
final class ManifestFastPath implements Filter {

    private static final String MIN_POSITION = "Marquee-Min-Position";

    private final DeviceReads reads;
    private final Timer served;
    private final Timer notModified;

    ManifestFastPath(DeviceReads reads, MeterRegistry meters) {
        this.reads = reads;
        this.served = Timer.builder("marquee.manifest.fast.reads").tag("status", "200").register(meters);
        this.notModified = Timer.builder("marquee.manifest.fast.reads").tag("status", "304").register(meters);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        long start = System.nanoTime();
        HttpServletRequest request = (HttpServletRequest) req;
        Optional<ServedManifest> manifest = "GET".equals(request.getMethod()) && request.getHeader(MIN_POSITION) == null
                ? PlayerPaths.manifestOf(request.getRequestURI()).flatMap(displayId -> ownManifest(request, displayId))
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
        DeviceReads.Outcome outcome = reads.read(reads.caller(request.getHeader(HttpHeaders.AUTHORIZATION)), displayId);
        return outcome instanceof DeviceReads.Own own ? own.manifest() : Optional.empty();
    }

    /** @return true if it answered 304 */
    private static boolean write(ServedManifest manifest, String ifNoneMatch, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.ETAG, manifest.etag());
        response.setHeader(HttpHeaders.CACHE_CONTROL, ManifestHeaders.CACHE_CONTROL);
        for (Map.Entry<String, String> header : ManifestHeaders.SECURITY) {
            response.setHeader(header.getKey(), header.getValue());
        }
        if (EntityTags.matches(ifNoneMatch, manifest.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(ManifestHeaders.CONTENT_TYPE);
        response.setContentLength(manifest.body().length);
        response.getOutputStream().write(manifest.body());
        return false;
    }
}
